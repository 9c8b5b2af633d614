// The playground's right-hand panel: status line, timeline, summary and loop cards, comparison card, result
// links and the Python tab. The only writer of those elements; the playground tells it what happened.
// Invariant: what it shows belongs to one thing, the preview of the graph on screen, one run or one comparison;
// showing one of them clears what the others left (cards, links, the Python program).
import { api, describe } from './api.js';
import { $, el } from './dom.js';
import { schedulerName, seconds, statusWords, stopped } from './format.js';
import { showLegend } from './legend.js';
import { drawLoopChart } from './loop-chart.js';
import { renderSummary } from './summary.js';
import { Timeline } from './timeline.js';

/** What the Python export of each scheduler is (ExportService): not every one is an asyncio script. */
const PROGRAM = {
  sequential: 'a plain Python script that calls each task in turn',
  event_loop: 'an asyncio script (the natural program of the graph)',
  parallel: 'a ProcessPoolExecutor program, one process per worker',
  threads: 'a ThreadPoolExecutor program, one thread per worker',
};

export class ResultPanel {
  constructor() {
    this.timeline = new Timeline($('#timeline'));
    this.status = $('#run-status');
    this.single = $('#single-result');
    this.summary = $('#summary-card');
    this.loopCard = $('#loop-card');
    this.compareCard = $('#compare-card');
    this.links = $('#result-links');
    this.python = $('#python-panel');
    this.stopButton = $('#stop-button');
    this.pythonSource = null;                 // { url, scheduler } of what the Python tab would show
    this.noteText = '';                       // how the graph on screen came here (a fork), until a run starts
    $('#critical-toggle').addEventListener('change', e => this.timeline.setCritical(e.target.checked));
  }

  /** Says where the graph came from, now and in front of its previews. */
  note(text) {
    this.noteText = text;
    this.say(text, '');
  }

  say(text, state) {
    this.status.textContent = text;
    this.status.dataset.state = state || '';
  }

  /** The engine's virtual-time run of the graph on screen, drawn like a run. */
  showPreview(sim, model) {
    this.clear();
    this.timeline.setRun(model, { predictedMakespanMs: sim.makespanMs, criticalPath: sim.bounds?.criticalPath });
    showLegend([model]);
    this.say(this.noteText + (this.noteText ? ' ' : '') + 'Preview in virtual time (' + schedulerName(sim.scheduler) + '): ' + seconds(sim.makespanMs)
      + '. Press Run to measure it for real.', '');
    this.label('Predicted timeline on ' + schedulerName(sim.scheduler) + ': makespan ' + seconds(sim.makespanMs));
    renderSummary(this.summary, sim, model, 'Summary (predicted)');
    this.showLoop(sim, model, sim.makespanMs);
  }

  /** The graph on screen cannot run: nothing of an older graph stays. */
  showNoPreview() {
    this.clear();
    this.timeline.showNothing('No preview: see the problems under Run.');
    this.label('No timeline: the graph cannot run as it is');
    this.summary.replaceChildren(this.heading('Summary'), el('p', 'Fix the graph to see a prediction.', 'muted'));
    this.say('The graph cannot run as it is.', 'error');
  }

  runStarted(view, model, predicted) {
    this.clear();
    this.noteText = '';
    this.timeline.setRun(model, { predicted, predictedMakespanMs: view.predictedMakespanMs,
      criticalPath: view.bounds?.criticalPath });
    this.timeline.startClock();
    showLegend([model]);
    this.summary.replaceChildren(this.heading('Summary'),
      el('p', 'Running… the measured summary appears when the run finishes.', 'muted'));
    this.say(schedulerName(view.scheduler) + ' · running…', 'running');
    this.label('Timeline of the run on ' + schedulerName(view.scheduler) + ', in progress');
    this.stopButton.hidden = false;          // only now is there a run id to cancel
  }

  runFinished(run, model) {
    this.stopButton.hidden = true;
    this.timeline.finish(run.makespanMs, run.bounds?.criticalPath);
    this.timeline.setPrediction(null, run.predictedMakespanMs);
    const end = (stopped(run) ? 'stopped at ' : 'makespan ') + seconds(run.makespanMs);
    this.say(schedulerName(run.scheduler) + ' · ' + statusWords(run.status) + ' · ' + end,
      run.status === 'succeeded' ? 'succeeded' : 'failed');
    this.label('Timeline of the run on ' + schedulerName(run.scheduler) + ': ' + end + ', ' + model.order.length
      + ' tasks on ' + model.lanes + ' lane(s)');
    renderSummary(this.summary, run, model);
    this.showLoop(run, model, run.makespanMs || model.nowMs);
    this.showLinks(run.links, run.links?.python ? { url: run.links.python, scheduler: run.scheduler } : null);
  }

  /** A comparison replaces the single-run area: no preview or summary of another run stays above it. */
  compareStarted(schedulers) {
    this.clear();
    this.single.hidden = true;
    this.say('Comparing ' + schedulers.map(schedulerName).join(', ') + ' · running…', 'running');
  }

  compareFinished(comparison) {
    this.say('Compared ' + comparison.runs.length + ' schedulers', comparison.status === 'succeeded' ? 'succeeded' : 'failed');
    this.showLinks({ share: comparison.links?.share, self: comparison.links?.self }, null);
  }

  failed(message) {
    this.stopButton.hidden = true;
    this.say(message, 'error');
  }

  clear() {
    this.single.hidden = false;
    this.compareCard.hidden = true;
    this.loopCard.hidden = true;
    this.stopButton.hidden = true;
    this.showLinks(null, null);
  }

  heading(text) {
    const h = el('h3', text);
    h.id = 'summary-heading';
    return h;
  }

  label(text) { $('#timeline').setAttribute('aria-label', text); }

  showLoop(run, model, endMs) {
    this.loopCard.hidden = run.scheduler?.type !== 'event_loop';
    if (!this.loopCard.hidden) drawLoopChart($('#loop-chart'), model.loopSeries(), endMs || 1);
  }

  /** Share / trace / JSON / Python for what is on screen; the Python tab is emptied (it showed something else). */
  showLinks(links, python) {
    this.links.hidden = !links;
    this.python.hidden = true;
    $('#python-code').textContent = '';
    this.pythonSource = python;
    this.links.querySelector('[data-action="python"]').hidden = !python;
    this.links.querySelector('[data-action="python"]').setAttribute('aria-expanded', 'false');
    this.links.dataset.share = links?.share || '';
    const trace = $('#link-trace');
    trace.hidden = !links?.trace;
    if (links?.trace) { trace.href = links.trace; trace.download = 'interleave-trace.json'; }
    const json = $('#link-json');
    json.hidden = !links?.self;
    if (links?.self) { json.href = links.self; json.download = 'interleave-run.json'; }
  }

  /** Opens or closes the Python tab; opening loads the program of what is on screen. */
  async togglePython(button) {
    const open = this.python.hidden;
    this.python.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (!open || !this.pythonSource) return;
    const type = this.pythonSource.scheduler?.type || 'event_loop';
    // the link gives the run's own scheduler, with all its options (workers, gil, cores)
    const url = new URL(this.pythonSource.url, window.location.href);
    $('#python-scheduler').textContent = PROGRAM[type] || type;
    const code = $('#python-code');
    code.textContent = '';
    try { code.textContent = await api('GET', url.pathname + url.search, undefined, 'text/x-python'); }
    catch (error) { code.textContent = '# ' + describe(error); }
  }
}
