// Compare all: one timeline per scheduler on a shared ms axis, then a bar chart of makespans against each
// scheduler's lower bound, and the server's verdict on the comparison.
import { el } from './dom.js';
import { schedulerName, seconds, statusWords, stopped } from './format.js';
import { showLegend } from './legend.js';
import { LiveRun } from './live-run.js';
import { openStream } from './run-stream.js';
import { Timeline } from './timeline.js';

const FILL = { sequential: '#9ca3af', event_loop: '#5b6ee1', parallel: '#16a34a', threads: '#b45309' };

export function renderCompare(card, comparison, graph, { done, failed }) {
  card.hidden = false;
  const timelinesBox = card.querySelector('#compare-timelines');
  const bars = card.querySelector('#compare-bars');
  const verdictBox = card.querySelector('#compare-verdict');
  timelinesBox.replaceChildren();
  bars.replaceChildren();
  verdictBox.textContent = '';
  const endMs = Math.max(1, ...comparison.runs.map(r => r.predictedMakespanMs || r.bounds?.sequentialMs || 0)) ;
  const lives = new Map();
  for (const run of comparison.runs) {
    const box = el('div', null, 'compare-timeline');
    box.append(el('h4', schedulerName(run.scheduler)));
    const wrap = el('div', null, 'timeline-wrap');
    const canvas = el('canvas', null, 'timeline');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'Timeline on ' + schedulerName(run.scheduler));
    wrap.append(canvas);
    box.append(wrap);
    timelinesBox.append(box);
    const timeline = new Timeline(canvas, { endMs: endMs * 1.04 });
    const live = new LiveRun(timeline, graph, run.scheduler);
    timeline.setRun(live.model, { predictedMakespanMs: run.predictedMakespanMs });
    lives.set(run.id, { live, timeline, canvas });
  }
  showLegend([...lives.values()].map(entry => entry.live.model));
  card.scrollIntoView({ block: 'nearest' });
  return openStream(comparison.links.stream, {
    events: frame => lives.get(frame.runId)?.live.push(frame.events || []),
    summary: frame => {
      if (!frame.comparison) {            // one run of the comparison is done
        const entry = lives.get(frame.runId);
        if (entry && frame.run) entry.live.whenDrained(() => entry.timeline.finish(frame.run.makespanMs));
        return;
      }
      const result = frame.comparison;
      const all = [...lives.values()];
      let pending = all.length;
      for (const entry of all) entry.live.whenDrained(() => { if (--pending === 0) finish(result); });
    },
    run: frame => {
      const entry = lives.get(frame.runId);
      if (entry && frame.run?.makespanMs != null && frame.run.status !== 'running') entry.timeline.finish(frame.run.makespanMs);
    },
    error: frame => failed('The comparison stopped: ' + (frame.detail || frame.title)),
    lost: () => failed('The connection to the comparison was lost.'),
  });

  function finish(result) {
    const max = Math.max(1, ...result.runs.map(r => Math.max(r.makespanMs || 0, r.bounds?.lowerBoundMs || 0)));
    for (const run of result.runs) {
      const entry = lives.get(run.id);
      if (entry) {
        entry.timeline.setEnd(max * 1.04);
        entry.timeline.finish(run.makespanMs, run.bounds?.criticalPath);
        entry.canvas.setAttribute('aria-label', schedulerName(run.scheduler) + ': ' + makespanWords(run));
      }
    }
    renderBars(bars, result.runs);
    verdictBox.textContent = result.verdict?.text || '';
    done(result);
  }
}

/** "makespan 3.000 s", or for a run that did not finish "timed out at 30.00 s". */
export function makespanWords(run) {
  return stopped(run) ? statusWords(run.status) + ' at ' + seconds(run.makespanMs) : 'makespan ' + seconds(run.makespanMs);
}

/** Makespan bars against each scheduler's lower bound (dashed red mark), on one scale. */
export function renderBars(bars, runs) {
  bars.replaceChildren();
  const max = Math.max(1, ...runs.map(r => Math.max(r.makespanMs || 0, r.bounds?.lowerBoundMs || 0)));
  for (const run of runs) {
    bars.append(el('span', schedulerName(run.scheduler)));
    const bar = el('div', null, 'compare-bar');
    bar.setAttribute('role', 'img');
    const cut = stopped(run);
    // a run that did not finish is no measure of its scheduler: its bar ends at the stop, without a bound
    bar.setAttribute('aria-label', schedulerName(run.scheduler) + ' ' + makespanWords(run)
      + (cut ? '' : ', lower bound ' + seconds(run.bounds?.lowerBoundMs)));
    const fill = el('div', null, cut ? 'fill stopped' : 'fill');
    fill.style.width = (100 * (run.makespanMs || 0) / max) + '%';
    fill.style.background = FILL[run.scheduler.type] || '#5b6ee1';
    bar.append(fill);
    if (!cut) {
      const bound = el('div', null, 'bound');
      bound.style.left = (100 * (run.bounds?.lowerBoundMs || 0) / max) + '%';
      bound.title = 'lower bound ' + seconds(run.bounds?.lowerBoundMs);
      bar.append(bound);
    }
    bars.append(bar, el('span', cut ? statusWords(run.status) : seconds(run.makespanMs), 'makespan'));
  }
}
