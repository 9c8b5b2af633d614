// The playground page: editor + Run / Compare all, the live result area, share / download / Python.
import { api, describe } from './api.js';
import { GraphEditor } from './graph-editor.js';
import { LiveRun } from './live-run.js';
import { drawLoopChart } from './loop-chart.js';
import { RunModel } from './run-model.js';
import { openStream } from './run-stream.js';
import { renderSummary, schedulerName } from './summary.js';
import { seconds, Timeline } from './timeline.js';
import { renderCompare } from './compare.js';

const $ = selector => document.querySelector(selector);

export function initPlayground(root) {
  const form = $('#run-form');
  const editor = new GraphEditor({ container: $('#graph-canvas'), textarea: $('#graph-json'),
    jsonError: $('#graph-json-error'), inspector: $('#task-inspector'), form });
  const timeline = new Timeline($('#timeline'));
  const page = { editor, timeline, current: null, socket: null };
  window.interleave = page;                    // for people poking around in the console, and for tests

  bindTabs();
  form.addEventListener('click', e => {
    const button = e.target.closest('button[data-action]');
    if (!button) return;
    const action = button.dataset.action;
    if (action === 'add') editor.add(button.dataset.kind);
    else if (action === 'remove') editor.remove(editor.selected);
    else if (action === 'undo') editor.undo();
    else if (action === 'redo') editor.redo();
    else if (action === 'layout') editor.fit();
    else if (action === 'run') run(page, form);
    else if (action === 'compare') compare(page, form);
  });
  $('#result-links').addEventListener('click', e => resultAction(page, e));
  $('#python-panel').addEventListener('click', e => {
    if (e.target.closest('[data-action="copy-python"]')) copy($('#python-code').textContent, e.target);
  });
  $('#critical-toggle').addEventListener('change', e => timeline.setCritical(e.target.checked));
  $('#stop-button').addEventListener('click', () => stop(page));
  let previewTimer = 0;
  const schedulePreview = () => { clearTimeout(previewTimer); previewTimer = setTimeout(() => preview(page, form), 250); };
  form.addEventListener('graph-changed', schedulePreview);
  form.addEventListener('change', e => { if (e.target.name === 'scheduler' || e.target.name === 'workers') schedulePreview(); });
  if (!new URLSearchParams(window.location.search).has('run')) schedulePreview();
  openFromQuery(page);
  return page;
}

/** Before anything runs: the engine's virtual-time prediction, drawn like a run, so the page is never empty. */
async function preview(page, form) {
  if (page.current) return;
  const graph = page.editor.graph;
  let sim;
  try {
    sim = await api('POST', '/api/v1/simulate?events=true', { graph, scheduler: schedulerOf(form) });
  } catch (error) {
    if (page.current) return;
    page.timeline.placeholder = 'No preview: ' + describe(error) + ' (details under the Run button).';
    page.timeline.setRun(null);
    const heading = document.createElement('h3');
    heading.id = 'summary-heading';
    heading.textContent = 'Summary';
    const hint = document.createElement('p');
    hint.className = 'muted';
    hint.textContent = 'Fix the graph to see a prediction.';
    $('#summary-card').replaceChildren(heading, hint);
    $('#loop-card').hidden = true;
    setStatus('The graph cannot run as it is.', 'error');
    return;
  }
  if (page.current || graph !== page.editor.graph) return;
  const model = new RunModel(graph, sim.scheduler);
  model.apply(sim.events || []);
  page.timeline.setRun(model, { predictedMakespanMs: sim.makespanMs, criticalPath: sim.bounds?.criticalPath });
  setStatus('Preview in virtual time (' + schedulerName(sim.scheduler) + '): ' + seconds(sim.makespanMs)
    + '. Press Run to measure it for real.', '');
  $('#timeline').setAttribute('aria-label', 'Predicted timeline on ' + schedulerName(sim.scheduler) + ': makespan '
    + seconds(sim.makespanMs));
  renderSummary($('#summary-card'), sim, model, 'Summary (predicted)');
  const loopCard = $('#loop-card');
  loopCard.hidden = sim.scheduler?.type !== 'event_loop';
  if (!loopCard.hidden) drawLoopChart($('#loop-chart'), model.loopSeries(), sim.makespanMs || 1);
}

function bindTabs() {
  const tabs = [$('#tab-canvas'), $('#tab-json')];
  const show = tab => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    }
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => show(tab));
    tab.addEventListener('keydown', e => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') { const other = tabs[1 - tabs.indexOf(tab)]; show(other); other.focus(); }
    });
  }
}

function schedulerOf(form) {
  const type = form.querySelector('input[name="scheduler"]:checked')?.value || 'event_loop';
  const workers = Math.max(1, Math.min(64, Number(form.querySelector('#workers').value) || 1));
  return type === 'parallel' ? { type, workers } : { type };
}

function setStatus(text, state) {
  const status = $('#run-status');
  status.textContent = text;
  status.dataset.state = state || '';
}

function showActionError(editor, error) {
  const box = $('#action-error');
  const errors = error.problem?.errors;
  if (errors && errors.length) {
    const first = editor.showErrors(errors);
    box.textContent = 'The graph has ' + errors.length + (errors.length === 1 ? ' problem' : ' problems') + ': '
      + errors.slice(0, 3).map(e => e.message).join(' ') + (first ? ' (task ' + first + ' is marked in red)' : '');
  } else {
    box.textContent = describe(error);
  }
  setStatus('Not started: see the message under the Run button.', 'error');
  box.scrollIntoView({ block: 'nearest' });
}

function busy(on) {
  $('#run-button').disabled = on;
  $('#compare-button').disabled = on;
  if (!on) $('#stop-button').hidden = true;
}

/** Asks the server to cancel the run being watched; the stream then ends with its summary as usual. */
async function stop(page) {
  const id = page.current?.view?.id;
  if (!id || page.current.done) return;
  // Said before asking: the stream's summary may arrive before the answer and must not be overwritten.
  setStatus('Stopping…', 'running');
  try {
    await api('POST', '/api/v1/runs/' + encodeURIComponent(id) + '/cancel');
  } catch (error) {
    if (!page.current.done) setStatus('Could not stop the run: ' + describe(error), 'error');
  }
}

async function run(page, form) {
  const { editor, timeline } = page;
  $('#action-error').textContent = '';
  const scheduler = schedulerOf(form);
  busy(true);
  let view;
  try {
    view = await api('POST', '/api/v1/runs', { graph: editor.graph, scheduler });
  } catch (error) {
    busy(false);
    showActionError(editor, error);
    return;
  }
  editor.clearErrors(); editor.applyErrors();
  page.socket?.close();
  $('#compare-card').hidden = true;
  $('#loop-card').hidden = true;
  const waiting = document.createElement('p');
  waiting.className = 'muted';
  waiting.textContent = 'Running… the measured summary appears when the run finishes.';
  $('#summary-card').replaceChildren($('#summary-card h3') || document.createElement('h3'), waiting);
  $('#summary-card h3').textContent = 'Summary';
  watchRun(page, view, scheduler, editor.graph);
}

/** Opens the run's stream and draws it as it arrives; also used to re-open a finished run (full replay). */
export function watchRun(page, view, scheduler, graph) {
  const { timeline } = page;
  const live = new LiveRun(timeline, graph || view.graph, view.scheduler || scheduler);
  page.current = { view, live };
  const predictedModel = view.predicted?.tasks ? RunModel.fromTaskViews(view.predicted.tasks, view.scheduler, graph) : null;
  timeline.setRun(live.model, { predicted: predictedModel, predictedMakespanMs: view.predictedMakespanMs,
    criticalPath: view.bounds?.criticalPath });
  setStatus(schedulerName(view.scheduler) + ' · running…', 'running');
  $('#timeline').setAttribute('aria-label', 'Timeline of the run on ' + schedulerName(view.scheduler) + ', in progress');
  timeline.startClock();
  $('#stop-button').hidden = false;         // only now is there a run id to cancel
  if (!predictedModel) loadGhost(page, graph || view.graph, view.scheduler);
  page.socket = openStream(view.links.stream, {
    run: frame => {
      if (frame.run?.predictedMakespanMs != null) timeline.predictedMakespanMs = frame.run.predictedMakespanMs;
    },
    events: frame => live.push(frame.events || []),
    summary: frame => live.whenDrained(() => finishRun(page, frame.run)),
    error: frame => { busy(false); setStatus('Stopped: ' + (frame.detail || frame.title), 'error'); },
    lost: () => { busy(false); if (!page.current.done) setStatus('The connection to the run was lost. Reload to see how it ended.', 'error'); },
  });
}

async function loadGhost(page, graph, scheduler) {
  try {
    const sim = await api('POST', '/api/v1/simulate', { graph, scheduler });
    if (page.current?.live.model.graph !== graph && page.current?.view.graph !== graph) return;
    page.timeline.predicted = RunModel.fromTaskViews(sim.tasks, sim.scheduler || scheduler, graph);
    page.timeline.predictedMakespanMs = page.timeline.predictedMakespanMs ?? sim.makespanMs;
    page.timeline.requestDraw();
  } catch { /* the ghost is a nicety; the run itself reports real errors */ }
}

function finishRun(page, run) {
  const { timeline } = page;
  const { live } = page.current;
  page.current.done = true;
  page.current.view = run;
  busy(false);
  timeline.finish(run.makespanMs, run.bounds?.criticalPath);
  if (run.predictedMakespanMs != null) timeline.predictedMakespanMs = run.predictedMakespanMs;
  if (run.predicted?.tasks) timeline.predicted = RunModel.fromTaskViews(run.predicted.tasks, run.scheduler, live.model.graph);
  const state = run.status === 'succeeded' ? 'succeeded' : 'failed';
  setStatus(schedulerName(run.scheduler) + ' · ' + run.status.replace('_', ' ') + ' · makespan ' + seconds(run.makespanMs), state);
  $('#timeline').setAttribute('aria-label', 'Timeline of the run on ' + schedulerName(run.scheduler) + ': makespan '
    + seconds(run.makespanMs) + ', ' + live.model.order.length + ' tasks on ' + live.model.lanes + ' lane(s)');
  renderSummary($('#summary-card'), run, live.model);
  const loopCard = $('#loop-card');
  loopCard.hidden = run.scheduler?.type !== 'event_loop';
  if (!loopCard.hidden) drawLoopChart($('#loop-chart'), live.model.loopSeries(), run.makespanMs || live.model.nowMs);
  showLinks(run.links, run.scheduler);
}

function showLinks(links, scheduler) {
  const box = $('#result-links');
  box.hidden = !links;
  if (!links) return;
  box.dataset.share = links.share || '';
  box.dataset.python = links.python || '';
  box.dataset.scheduler = scheduler?.type || 'event_loop';
  $('#link-trace').hidden = !links.trace;
  if (links.trace) { $('#link-trace').href = links.trace; $('#link-trace').download = 'interleave-trace.json'; }
  $('#link-json').href = links.self; $('#link-json').download = 'interleave-run.json';
  $('#python-panel').hidden = true;
}

async function resultAction(page, e) {
  const button = e.target.closest('button[data-action]');
  if (!button) return;
  const box = $('#result-links');
  if (button.dataset.action === 'share') {
    if (!box.dataset.share) return;
    copy(new URL(box.dataset.share, window.location.href).href, button);
  } else if (button.dataset.action === 'python') {
    const panel = $('#python-panel');
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open && box.dataset.python) {
      const url = new URL(box.dataset.python, window.location.href);
      url.searchParams.set('scheduler', box.dataset.scheduler);
      $('#python-scheduler').textContent = url.searchParams.get('scheduler');
      try { $('#python-code').textContent = await api('GET', url.pathname + url.search, undefined, 'text/x-python'); }
      catch (error) { $('#python-code').textContent = '# ' + describe(error); }
    }
  }
}

async function copy(text, button) {
  const before = button.textContent;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied ✓';
  } catch {
    // No clipboard access (e.g. plain http on another host): show the text selected, ready for Ctrl+C.
    let field = button.nextElementSibling;
    if (!field || field.tagName !== 'INPUT') {
      field = document.createElement('input');
      field.readOnly = true;
      field.className = 'copy-field';
      field.setAttribute('aria-label', 'Text to copy');
      button.after(field);
    }
    field.value = text;
    field.select();
    field.focus();
  }
  button.dataset.copied = text;
  setTimeout(() => { button.textContent = before; }, 1500);
}

async function compare(page, form) {
  const { editor } = page;
  $('#action-error').textContent = '';
  const workers = Math.max(1, Math.min(64, Number(form.querySelector('#workers').value) || 1));
  const schedulers = [{ type: 'sequential' }, { type: 'event_loop' }, { type: 'parallel', workers }];
  busy(true);
  let view;
  try {
    view = await api('POST', '/api/v1/compare', { graph: editor.graph, schedulers });
  } catch (error) {
    busy(false);
    showActionError(editor, error);
    return;
  }
  page.socket?.close();
  setStatus('Comparing sequential, event loop and parallel · running…', 'running');
  page.socket = renderCompare($('#compare-card'), view, editor.graph, {
    done: comparison => {
      busy(false);
      setStatus('Compared ' + comparison.runs.length + ' schedulers', 'succeeded');
      showLinks({ share: comparison.links?.share, self: comparison.links?.self }, null);
      $('#link-trace').hidden = true;
    },
    failed: message => { busy(false); setStatus(message, 'error'); },
  });
}

async function openFromQuery(page) {
  const params = new URLSearchParams(window.location.search);
  try {
    if (params.get('fork')) {
      const shared = await api('GET', '/api/v1/shared/' + encodeURIComponent(params.get('fork')));
      const graph = shared.graph || shared.runs?.[0]?.graph;
      if (graph) page.editor.load(graph);
      setStatus('Forked from a shared ' + (shared.kind || 'run') + ': this copy is yours to edit.', '');
    } else if (params.get('run')) {
      const view = await api('GET', '/api/v1/runs/' + encodeURIComponent(params.get('run')));
      page.editor.load(view.graph);
      watchRun(page, view, view.scheduler, view.graph);
    }
  } catch (error) {
    $('#action-error').textContent = describe(error);
  }
}
