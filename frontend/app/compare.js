// Compare all: one timeline per scheduler on a shared ms axis, then a bar chart of makespans against each
// scheduler's lower bound, and one sentence.
import { LiveRun } from './live-run.js';
import { openStream } from './run-stream.js';
import { schedulerName } from './summary.js';
import { seconds, Timeline } from './timeline.js';

const FILL = { sequential: '#9ca3af', event_loop: '#5b6ee1', parallel: '#16a34a' };

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text != null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

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
        entry.timeline.fixedEndMs = max * 1.04;
        entry.timeline.finish(run.makespanMs, run.bounds?.criticalPath);
        entry.canvas.setAttribute('aria-label', schedulerName(run.scheduler) + ': makespan ' + seconds(run.makespanMs));
      }
    }
    renderBars(bars, result.runs);
    verdictBox.textContent = compareVerdict(result.runs);
    done(result);
  }
}

export function compareVerdict(runs) {
  const by = type => runs.find(r => r.scheduler.type === type);
  const seq = by('sequential'), loop = by('event_loop'), par = by('parallel');
  const parts = [];
  if (seq && loop) {
    const gain = seq.makespanMs / Math.max(1, loop.makespanMs);
    parts.push(gain > 1.1 ? 'The event loop was ' + gain.toFixed(1) + '× faster than sequential by overlapping waits'
      : 'The event loop gained nothing over sequential: the time is spent holding the thread, not waiting');
  }
  if (par && loop) {
    const gain = loop.makespanMs / Math.max(1, par.makespanMs);
    parts.push(gain > 1.1 ? par.scheduler.workers + ' parallel workers beat the loop ' + gain.toFixed(1) + '× because they also overlap CPU work'
      : 'extra cores did not help beyond the loop');
  }
  return parts.join('; ') + '. Dashed red marks are each scheduler\'s lower bound.';
}

/** Makespan bars against each scheduler's lower bound (dashed red mark), on one scale. */
export function renderBars(bars, runs) {
  bars.replaceChildren();
  const max = Math.max(1, ...runs.map(r => Math.max(r.makespanMs || 0, r.bounds?.lowerBoundMs || 0)));
  for (const run of runs) {
    bars.append(el('span', schedulerName(run.scheduler)));
    const bar = el('div', null, 'compare-bar');
    bar.setAttribute('role', 'img');
    bar.setAttribute('aria-label', schedulerName(run.scheduler) + ' makespan ' + seconds(run.makespanMs)
      + ', lower bound ' + seconds(run.bounds?.lowerBoundMs));
    const fill = el('div', null, 'fill');
    fill.style.width = (100 * (run.makespanMs || 0) / max) + '%';
    fill.style.background = FILL[run.scheduler.type] || '#5b6ee1';
    const bound = el('div', null, 'bound');
    bound.style.left = (100 * (run.bounds?.lowerBoundMs || 0) / max) + '%';
    bound.title = 'lower bound ' + seconds(run.bounds?.lowerBoundMs);
    bar.append(fill, bound);
    bars.append(bar, el('span', seconds(run.makespanMs), 'makespan'));
  }
}
