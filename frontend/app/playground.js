// The playground page: editor + Run / Compare all; the result panel shows what happened.
// One prediction channel: the htmx form asks the server on every edit (PlaygroundPage.prediction) and swaps the
// "Predicted:" line, or the server's violations, into #prediction; this island reads that fragment for the
// timeline's preview and for the marks at each offending field. The page validates nothing itself.
import { api, describe } from './api.js';
import { renderCompare } from './compare.js';
import { $ } from './dom.js';
import { schedulerName } from './format.js';
import { GraphEditor } from './graph-editor.js';
import { LiveRun } from './live-run.js';
import { ResultPanel } from './result-panel.js';
import { RunModel } from './run-model.js';
import { openStream } from './run-stream.js';

export function initPlayground() {
  const form = $('#run-form');
  const editor = new GraphEditor({ container: $('#graph-canvas'), textarea: $('#graph-json'),
    inspector: $('#task-inspector'), limits: $('#limits'), form });
  const panel = new ResultPanel();
  // current: what the panel shows besides a preview: { key, view?, live?, done } of a run or a comparison
  const page = { editor, panel, form, current: null, socket: null, problems: [], example: exampleContext(editor) };
  Object.defineProperty(page, 'timeline', { get: () => panel.timeline });
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
    else if (action === 'run') run(page);
    else if (action === 'compare') compare(page);
  });
  $('#result-links').addEventListener('click', e => {
    const button = e.target.closest('button[data-action]');
    if (button?.dataset.action === 'share' && $('#result-links').dataset.share) {
      copy(new URL($('#result-links').dataset.share, window.location.href).href, button);
    } else if (button?.dataset.action === 'python') {
      panel.togglePython(button);
    }
  });
  $('#python-panel').addEventListener('click', e => {
    if (e.target.closest('[data-action="copy-python"]')) copy($('#python-code').textContent, e.target);
  });
  $('#stop-button').addEventListener('click', () => stop(page));
  // JSON the editor cannot read changes no graph, so the editor says nothing; the server still has to be asked
  $('#graph-json').addEventListener('input', () => {
    try { JSON.parse($('#graph-json').value); } catch { form.dispatchEvent(new CustomEvent('graph-changed')); }
  });
  form.addEventListener('graph-changed', () => page.example.follow());
  $('#gil').addEventListener('change', () => showGilNote(form));
  // which form state the answer on screen is for: a newer edit may be on its way, and its answer will follow
  form.addEventListener('htmx:beforeRequest', e => { if (e.detail.elt === form) page.asked = formKey(form); });
  $('#prediction').addEventListener('htmx:afterSwap', () => { page.answered = page.asked; onPrediction(page); });
  openFromQuery(page);
  return page;
}

/**
 * The example the page opened with ("what to notice", its chip): shown only while its graph is what the JSON
 * says (an unreadable paste is not the example either).
 */
function exampleContext(editor) {
  const notice = $('#example-notice');
  const chip = document.querySelector('.chip[aria-current="true"]');
  const graph = JSON.stringify(editor.graph);
  const drop = () => {
    notice.hidden = true;
    chip?.removeAttribute('aria-current');
  };
  const onScreen = () => { try { return JSON.stringify(JSON.parse($('#graph-json').value)); } catch { return null; } };
  return { drop, follow: () => { if (onScreen() !== graph) drop(); } };
}

/** What identifies the thing on screen: the graph and the scheduler (or "compare") it ran on. */
function keyOf(graph, scheduler) {
  return JSON.stringify(graph) + '|' + JSON.stringify(canonical(scheduler));
}

/** A scheduler with its defaults filled in, so that a run's view ({gil: true, cores: 4}) matches the picker's. */
function canonical(s) {
  if (!s || typeof s !== 'object') return s;
  const out = { type: s.type };
  if (s.workers != null) out.workers = s.workers;
  if (s.type === 'threads') out.gil = s.gil !== false;
  if (s.type === 'threads' || s.type === 'event_loop') out.cores = s.cores ?? PICKER_CORES;
  return out;
}

/** The form as the prediction request sends it: graph text, scheduler, workers. */
function formKey(form) {
  return JSON.stringify([...new FormData(form)]);
}

/** True if the prediction on screen answers the form as it is now. */
function answered(page) {
  return page.answered === formKey(page.form);
}

/** A prediction or the server's violations arrived (for the form as it was when asked). */
function onPrediction(page) {
  const box = $('#prediction');
  page.problems = [...box.querySelectorAll('li[data-pointer]')].map(li => ({ pointer: li.dataset.pointer,
    code: li.dataset.code, message: li.textContent, cycle: (li.dataset.cycle || '').split(' ').filter(Boolean) }));
  page.editor.markErrors(page.problems);
  fieldProblems($('#workers'), $('#workers-error'), page.problems.filter(p => p.pointer.startsWith('/scheduler')));
  fieldProblems($('#graph-json'), $('#graph-json-error'),
    page.problems.filter(p => p.pointer === '/graph' || p.pointer === '/graph/tasks' || p.pointer === '/graph/name'));
  if (!page.problems.length) $('#action-error').textContent = page.schedulerNote || '';
  if (!answered(page)) return;                               // the answer to a newer edit will draw
  const { current } = page;
  if (current && !current.done) return;                     // a run in progress keeps the panel
  // The run on screen stays while it belongs to the graph and scheduler shown; a reopened run on a scheduler the
  // picker cannot express (page.schedulerNote) stays while its graph is unchanged.
  const shown = current?.scheduler === 'compare' ? 'compare' : page.schedulerNote ? current?.scheduler : schedulerOf(page.form);
  if (current && current.key === keyOf(page.editor.graph, shown)) return;
  if (page.schedulerNote) { page.schedulerNote = null; $('#action-error').textContent = ''; }
  page.current = null;
  const data = box.querySelector('#prediction-preview');
  if (!data) { page.panel.showNoPreview(); return; }
  const sim = JSON.parse(data.dataset.preview);
  const model = new RunModel(page.editor.graph, sim.scheduler);
  model.apply(sim.events || []);
  page.panel.showPreview(sim, model);
}

/** The server's words for one field, next to it (the same words as in the list under Run). */
function fieldProblems(input, box, problems) {
  box.textContent = problems.map(p => p.message).join(' ');
  if (problems.length) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
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

/** The scheduler as chosen; workers as typed (the prediction has already told if the server refuses them). */
function schedulerOf(form) {
  const type = form.querySelector('input[name="scheduler"]:checked')?.value || 'event_loop';
  const workers = Number(form.querySelector('#workers').value);
  if (type === 'parallel') return { type, workers };
  // gil is sent only when off, as the API's default is on: a run started with the GIL reads the same either way
  if (type === 'threads') return gilOn(form) ? { type, workers } : { type, workers, gil: false };
  return { type };
}

function gilOn(form) {
  return form.querySelector('#gil').value !== 'off';
}

/** With the GIL off the page says, beside the field, that this is a model of free-threaded Python. */
function showGilNote(form) {
  $('#gil-note').hidden = gilOn(form);
}

/**
 * Shows the scheduler a reopened run ran on, so that the radio, workers and GIL fields tell the truth. The picker
 * expresses every scheduler but one option: the cores of a run started through the API with other cores than the
 * picker's (4) cannot be shown, and then the page says so beside Run.
 */
function chooseScheduler(page, scheduler) {
  const radio = page.form.querySelector('input[name="scheduler"][value="' + (scheduler?.type || 'event_loop') + '"]');
  if (radio) radio.checked = true;
  if (scheduler?.workers) page.form.querySelector('#workers').value = String(scheduler.workers);
  if (scheduler?.type === 'threads') page.form.querySelector('#gil').value = scheduler.gil === false ? 'off' : 'on';
  showGilNote(page.form);
  // Beside Run, where it matters, until the next run: Run would not repeat this run.
  const cores = scheduler?.cores != null && scheduler.cores !== PICKER_CORES;
  if (!radio || cores) {
    $('#action-error').textContent = page.schedulerNote = 'This run ran on ' + schedulerName(scheduler)
      + (radio ? ' with ' + scheduler.cores + ' cores, which the picker does not offer (it uses ' + PICKER_CORES + ')'
        : ', which the picker does not offer')
      + ': Run uses the scheduler selected here.';
  }
}

/** The cores the picker's schedulers get: the API's default (the event loop's executor, free-threaded threads). */
const PICKER_CORES = 4;

/**
 * Run and Compare start nothing while the server's list has problems for the form as it is; they point at the
 * first one. With an answer still on its way the server decides (and answers a refusal with the same words).
 */
function refused(page) {
  if (!page.problems.length || !answered(page)) return false;
  notStarted(page, page.problems);
  return true;
}

function showActionError(page, error) {
  if (error.problem?.errors?.length) {
    notStarted(page, error.problem.errors);
    // the graph changed since the last prediction: ask again, so that the one list says what is wrong
    page.form.dispatchEvent(new CustomEvent('graph-changed'));
  } else {
    $('#action-error').textContent = describe(error);
    $('#action-error').scrollIntoView({ block: 'nearest' });
  }
}

/** Points at the problems (shown at their fields and in the list) by kind, and selects the first task concerned. */
function notStarted(page, problems) {
  const first = page.editor.showErrors(problems);
  if (first) page.editor.select(first);
  const kinds = [...new Set(problems.map(p => String(p.code || 'problem').replaceAll('-', ' ')))];
  $('#action-error').textContent = 'Not started: the graph has ' + (problems.length === 1 ? 'a problem'
    : problems.length + ' problems') + ' (' + kinds.join(', ') + '), shown at ' + (problems.length === 1 ? 'its field'
    : 'their fields') + ' and listed below.';
  $('#action-error').scrollIntoView({ block: 'nearest' });
}

function busy(on) {
  $('#run-button').disabled = on;
  $('#compare-button').disabled = on;
}

/** Asks the server to cancel the run being watched; the stream then ends with its summary as usual. */
async function stop(page) {
  const id = page.current?.view?.id;
  if (!id || page.current.done) return;
  // Said before asking: the stream's summary may arrive before the answer and must not be overwritten.
  page.panel.say('Stopping…', 'running');
  try {
    await api('POST', '/api/v1/runs/' + encodeURIComponent(id) + '/cancel');
  } catch (error) {
    if (!page.current.done) page.panel.say('Could not stop the run: ' + describe(error), 'error');
  }
}

/** Asks the server to start a run or comparison; null (and said why) when it did not start. */
async function start(page, url, body) {
  page.schedulerNote = null;
  $('#action-error').textContent = '';
  if (refused(page)) return null;
  busy(true);
  try {
    return await api('POST', url, body);
  } catch (error) {
    busy(false);
    showActionError(page, error);
    return null;
  }
}

async function run(page) {
  const graph = page.editor.graph;
  const view = await start(page, '/api/v1/runs', { graph, scheduler: schedulerOf(page.form) });
  if (view) watchRun(page, view, graph);
}

/** Opens the run's stream and draws it as it arrives; also used to re-open a finished run (full replay). */
function watchRun(page, view, graph) {
  page.socket?.close();
  const live = new LiveRun(page.panel.timeline, graph, view.scheduler);
  const current = { key: keyOf(graph, view.scheduler), scheduler: view.scheduler, view, live, done: false };
  page.current = current;
  const predicted = view.predicted?.tasks ? RunModel.fromTaskViews(view.predicted.tasks, view.scheduler, graph) : null;
  page.panel.runStarted(view, live.model, predicted);
  if (!predicted) loadGhost(page, current, graph, view.scheduler);
  page.socket = openStream(view.links.stream, {
    run: frame => page.panel.timeline.setPrediction(null, frame.run?.predictedMakespanMs),
    events: frame => live.push(frame.events || []),
    summary: frame => live.whenDrained(() => {
      current.done = true;
      current.view = frame.run;
      busy(false);
      page.panel.runFinished(frame.run, live.model);
    }),
    error: frame => { busy(false); current.done = true; page.panel.failed('Stopped: ' + (frame.detail || frame.title)); },
    lost: () => {
      busy(false);
      if (!current.done) page.panel.failed('The connection to the run was lost. Reload to see how it ended.');
    },
  });
}

async function loadGhost(page, current, graph, scheduler) {
  try {
    const sim = await api('POST', '/api/v1/simulate', { graph, scheduler });
    if (page.current !== current) return;
    page.panel.timeline.setPrediction(RunModel.fromTaskViews(sim.tasks, sim.scheduler || scheduler, graph), sim.makespanMs);
  } catch { /* the ghost is a nicety; the run itself reports real errors */ }
}

async function compare(page) {
  const workers = Number(page.form.querySelector('#workers').value);
  const threads = gilOn(page.form) ? { type: 'threads', workers } : { type: 'threads', workers, gil: false };
  const schedulers = [{ type: 'sequential' }, { type: 'event_loop' }, { type: 'parallel', workers }, threads];
  const graph = page.editor.graph;
  const view = await start(page, '/api/v1/compare', { graph, schedulers });
  if (!view) return;
  page.socket?.close();
  const current = { key: keyOf(graph, 'compare'), scheduler: 'compare', done: false };
  page.current = current;
  page.panel.compareStarted(schedulers);
  page.socket = renderCompare($('#compare-card'), view, graph, {
    done: comparison => { busy(false); current.done = true; page.panel.compareFinished(comparison); },
    failed: message => { busy(false); current.done = true; page.panel.failed(message); },
  });
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

async function openFromQuery(page) {
  const params = new URLSearchParams(window.location.search);
  try {
    if (params.get('fork')) {
      const shared = await api('GET', '/api/v1/shared/' + encodeURIComponent(params.get('fork')));
      const graph = shared.graph || shared.runs?.[0]?.graph;
      page.example.drop();
      if (graph) page.editor.load(graph);
      page.panel.note('Forked from a shared ' + (shared.kind || 'run') + ': this copy is yours to edit.');
    } else if (params.get('run')) {
      const view = await api('GET', '/api/v1/runs/' + encodeURIComponent(params.get('run')));
      page.example.drop();
      chooseScheduler(page, view.scheduler);
      page.editor.load(view.graph);
      watchRun(page, view, page.editor.graph);
    }
  } catch (error) {
    $('#action-error').textContent = describe(error);
  }
}
