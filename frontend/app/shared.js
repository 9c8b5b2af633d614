// /s/{slug}: a shared run or comparison, read-only. All recorded events arrive through the stream (?share=slug),
// then the page replays them at a chosen speed; the range input scrubs to any moment.
import { api, describe } from './api.js';
import { makespanWords, renderBars } from './compare.js';
import { openDeepLink } from './deep-link.js';
import { $, el } from './dom.js';
import { schedulerName, seconds } from './format.js';
import { showLegend } from './legend.js';
import { drawLoopChart } from './loop-chart.js';
import { RunModel } from './run-model.js';
import { openStream } from './run-stream.js';
import { renderSummary } from './summary.js';
import { Timeline } from './timeline.js';

export async function initShared(root) {
  const { slug, kind, id } = root.dataset;
  const status = $('#shared-status');
  let view;
  try {
    view = await api('GET', '/api/v1/shared/' + encodeURIComponent(slug));
  } catch (error) {
    status.textContent = describe(error);
    return;
  }
  const runs = kind === 'run' ? [view] : view.runs;
  const endMs = Math.max(1, ...runs.map(r => r.makespanMs || r.predictedMakespanMs || 0));
  const tracks = new Map(runs.map(run => [run.id, track(run, endMs)]));
  const path = (kind === 'run' ? '/ws/runs/' : '/ws/comparisons/') + encodeURIComponent(id)
    + '?share=' + encodeURIComponent(slug);
  openStream(path, {
    events: frame => tracks.get(frame.runId || id)?.events.push(...(frame.events || [])),
    summary: frame => { if (kind === 'run' || frame.comparison) ready(view, runs, tracks, endMs, kind); },
    error: frame => { status.textContent = 'The recording could not be loaded: ' + (frame.detail || frame.title); },
    lost: () => { status.textContent = 'The connection closed before the recording was complete.'; },
  });
}

function track(run, endMs) {
  const box = el('div', null, 'compare-timeline');
  const heading = el('h4', schedulerName(run.scheduler) + ' · ' + makespanWords(run));
  const wrap = el('div', null, 'timeline-wrap');
  const canvas = el('canvas', null, 'timeline');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', 'Timeline on ' + schedulerName(run.scheduler) + ': ' + makespanWords(run));
  wrap.append(canvas);
  box.append(heading, wrap);
  $('#shared-timelines').append(box);
  const timeline = new Timeline(canvas, { endMs: endMs * 1.04 });
  const predicted = run.predicted?.tasks ? RunModel.fromTaskViews(run.predicted.tasks, run.scheduler, run.graph) : null;
  return { run, timeline, predicted, events: [], model: null, cursor: 0 };
}

function ready(view, runs, tracks, endMs, kind) {
  const count = [...tracks.values()].reduce((n, t) => n + t.events.length, 0);
  $('#shared-status').textContent = 'Recorded ' + count + ' events. Press Play to replay, or drag the time slider.';
  const scrub = $('#replay-scrub'), play = $('#replay-play'), speed = $('#replay-speed'), out = $('#replay-time');
  let t = endMs, playing = false, last = 0;
  const show = ms => {
    t = Math.max(0, Math.min(endMs, ms));
    for (const tr of tracks.values()) seek(tr, t);
    scrub.value = String(Math.round(1000 * t / endMs));
    out.textContent = seconds(t) + ' of ' + seconds(endMs);
  };
  const frame = now => {
    if (!playing) return;
    show(t + (now - last) * Number(speed.value));
    last = now;
    if (t >= endMs) { setPlaying(false); return; }
    requestAnimationFrame(frame);
  };
  const setPlaying = on => {
    playing = on;
    play.textContent = on ? '❚❚ Pause' : '▶ Play';
    play.setAttribute('aria-pressed', String(on));
    if (on) { if (t >= endMs) show(0); last = performance.now(); requestAnimationFrame(frame); }
  };
  play.addEventListener('click', () => setPlaying(!playing));
  scrub.addEventListener('input', () => { setPlaying(false); show(endMs * Number(scrub.value) / 1000); });
  show(endMs);
  openDeepLink(window.location.hash, show, [...tracks.values()].map(tr => tr.timeline), $('#shared-status'));
  showLegend([...tracks.values()].map(tr => tr.model));
  const first = runs[0];
  const firstTrack = tracks.get(first.id);
  renderSummary($('#summary-card'), first, firstTrack.model);
  if (kind === 'run' && first.scheduler?.type === 'event_loop') {
    $('#loop-card').hidden = false;
    drawLoopChart($('#loop-chart'), firstTrack.model.loopSeries(), first.makespanMs || endMs);
  }
  if (kind === 'comparison') {
    $('#compare-card').hidden = false;
    renderBars($('#compare-bars'), runs);
    $('#compare-verdict').textContent = view.verdict?.text || '';
  }
}

/** Shows the track as it was at {@code ms}: forward applies more events; backward rebuilds from the start. */
function seek(tr, ms) {
  if (!tr.model || ms < tr.model.replayAt) {
    tr.model = new RunModel(tr.run.graph, tr.run.scheduler);
    tr.cursor = 0;
    tr.timeline.setRun(tr.model, { predicted: tr.predicted, predictedMakespanMs: tr.run.predictedMakespanMs,
      criticalPath: tr.run.bounds?.criticalPath });
  }
  const batch = [];
  const end = ms >= tr.run.makespanMs;   // the last events may carry a time a hair after the makespan
  while (tr.cursor < tr.events.length && (end || tr.events[tr.cursor].tMs <= ms)) batch.push(tr.events[tr.cursor++]);
  tr.model.apply(batch);
  tr.model.replayAt = ms;
  const done = tr.cursor >= tr.events.length;
  tr.model.finished = done;
  tr.timeline.showAt(ms, done ? tr.run.makespanMs : null);
}
