// Graph editor island: cytoscape draws the task graph laid out by dagre (layered, left to right); the JSON
// textarea is the single source of truth sent with the form, kept in sync both ways.
// Invariants:
// - this.graph always equals the last JSON that parsed, and every task in it has a node, even a task whose id is
//   missing or taken by an earlier task (its node gets a stand-in element id, see elementIds, and is marked).
// - The canvas is brought up to date by difference (render): only changed nodes and edges are touched, so an edit
//   of a 1,000-task graph costs milliseconds; dagre runs only for a new graph or the Layout button.
// - Node positions survive edits (people drag; the JSON does not store positions); a new task is placed where no
//   other task is.
import cytoscape from 'cytoscape';
import dagre from 'dagre';
import { LimitsEditor } from './limits-editor.js';

const KINDS = ['io', 'blocking_io', 'cpu'];
/** From this many tasks on, the canvas draws an overview: kinds as fills, and only the selected task's arrows. */
const BIG = 300;
const NODE_W = 132, NODE_H = 40, COLUMN = NODE_W + 48, ROW = NODE_H + 12;
/** A click this close to an arrow (screen pixels) selects it; cytoscape's own reach is ~8 px. */
const EDGE_REACH_PX = 16;

function nodeText(t) {
  const id = typeof t.id === 'string' && t.id ? t.id : '(no id)';
  const ms = typeof t.ms === 'number' ? t.ms + ' ms' : '? ms';
  const label = t.label ? String(t.label).slice(0, 28) + ' · ' : '';
  // what runs it differently: under a limit (≤ name) and offloaded (to_thread)
  const extras = (typeof t.limit === 'string' ? ' · ≤' + t.limit.slice(0, 12) : '') + (t.offload === true ? ' · to_thread' : '');
  return id + ' · ' + t.kind + '\n' + label + ms + extras;
}

/**
 * dagre puts every task of a rank in one column: a fan-out of 50 (or 1,000) becomes a column too tall to see.
 * Ranks taller than about the square root of the graph wrap into several columns, keeping rank order left to right.
 */
function wrapTallRanks(nodes) {
  const perColumn = Math.max(8, Math.ceil(Math.sqrt(nodes.length) * 1.5));
  const ranks = new Map();
  for (const n of nodes) {
    const key = Math.round(n.x);
    if (!ranks.has(key)) ranks.set(key, []);
    ranks.get(key).push(n);
  }
  const placed = new Map();
  let x = 0;
  for (const key of [...ranks.keys()].sort((a, b) => a - b)) {
    const rank = ranks.get(key).sort((a, b) => a.y - b.y);
    const columns = Math.ceil(rank.length / perColumn);
    const rows = Math.ceil(rank.length / columns);
    // every rank is centred on y = 0, so a wrapped rank and its neighbours stay side by side
    const mid = columns === 1 ? (rank[0].y + rank[rank.length - 1].y) / 2 : 0;
    const offset = columns === 1 ? 0 : ((rows - 1) * 52) / 2;
    rank.forEach((n, i) => placed.set(n.id, columns === 1 ? { x, y: n.y - mid }
      : { x: x + Math.floor(i / rows) * 150, y: (i % rows) * 52 - offset }));
    x += columns * 150 + 40;
  }
  return placed;
}

export class GraphEditor {
  constructor({ container, textarea, inspector, limits, form }) {
    this.textarea = textarea;
    this.inspector = inspector;
    this.form = form;
    this.undoStack = [];
    this.redoStack = [];
    this.errors = new Map();
    this.fieldErrors = new Map();  // element id -> names of the task's fields the server named (ms, limit, ...)
    this.positions = new Map();
    this.selected = null;
    this.connectFrom = null;
    this.cy = cytoscape({
      container, minZoom: 0.05, maxZoom: 2.5, boxSelectionEnabled: false,
      textureOnViewport: true, hideEdgesOnViewport: true, style: this.style(false),
    });
    this.overview = false;
    this.ids = [];                 // element id of each task, in task order (see elementIds)
    this.indexOf = new Map();      // element id -> task index
    // A layout done while the canvas was hidden (JSON tab open) has nothing to fit to: fit once it is shown again.
    new ResizeObserver(() => {
      this.cy.resize();
      if (this.fitPending && container.clientWidth) this.fitView();
    }).observe(container);
    this.limits = limits ? new LimitsEditor(this, limits) : null;
    this.bindCanvas(container);
    this.bindInspector();
    textarea.addEventListener('input', () => this.fromText());
    this.graph = { name: 'untitled', tasks: [] };
    this.fromText(true);
  }

  style(overview) {
    const base = [
      { selector: 'node', style: { shape: 'round-rectangle', width: 132, height: 40, 'background-color': '#fff',
        'border-width': 2, 'border-color': '#5b6ee1', label: 'data(text)', 'text-wrap': 'wrap', 'font-size': 10,
        'text-valign': 'center', 'text-halign': 'center', color: '#1f2533', 'min-zoomed-font-size': 4 } },
      { selector: 'node[kind = "io"]', style: { 'border-color': '#e8a94a', 'border-style': 'dashed' } },
      { selector: 'node[kind = "blocking_io"]', style: { 'border-color': '#4b5563', 'border-style': 'double', 'border-width': 4 } },
      { selector: 'node:selected', style: { 'background-color': '#e8f0fe', 'border-width': 3, 'overlay-opacity': 0 } },
      { selector: 'node.connect-from', style: { 'background-color': '#fef3c7' } },
      { selector: 'node.invalid', style: { 'background-color': '#fde2e2', 'border-color': '#b91c1c', 'border-style': 'solid' } },
      { selector: 'edge', style: { width: 1.5, 'line-color': '#8a93a6', 'target-arrow-color': '#8a93a6',
        'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8 } },
      { selector: 'edge:selected', style: { 'line-color': '#1d4ed8', 'target-arrow-color': '#1d4ed8', width: 3 } },
      { selector: 'edge.cycle', style: { 'line-color': '#b91c1c', 'target-arrow-color': '#b91c1c', width: 3, 'line-style': 'dashed' } },
    ];
    if (!overview) return base;
    // A big graph is columns of coloured boxes (the ranks, wrapped), not a hairball: kinds as fills and plain
    // borders, and only the arrows of the selected task (or of a cycle) drawn. Also what keeps an edit of 1,000
    // tasks cheap: a redraw paints boxes, not thousands of curves.
    return base.concat([
      { selector: 'node', style: { 'background-color': '#e3e7fb', 'border-style': 'solid', 'border-width': 2 } },
      { selector: 'node[kind = "io"]', style: { 'background-color': '#fde7c7' } },
      { selector: 'node[kind = "blocking_io"]', style: { 'background-color': '#e5e7eb' } },
      { selector: 'node:selected', style: { 'background-color': '#bfdbfe' } },
      { selector: 'node.invalid', style: { 'background-color': '#fde2e2' } },
      { selector: 'edge', style: { display: 'none' } },
      { selector: 'edge.near, edge.cycle', style: { display: 'element', width: 2.5 } },
      { selector: 'edge.near', style: { 'line-color': '#1d4ed8', 'target-arrow-color': '#1d4ed8' } },
    ]);
  }

  // ---- model <-> text -------------------------------------------------------------------------------------
  fromText(initial) {
    let parsed;
    try {
      parsed = JSON.parse(this.textarea.value);
      if (!parsed || !Array.isArray(parsed.tasks)) throw new Error('it needs a "tasks" list');
    } catch (e) {
      return;                    // the server's prediction says what is wrong, at the JSON field
    }
    if (!initial) this.pushUndo();
    this.graph = parsed;
    this.render(!!initial);
    if (!initial) this.changed(false);
  }

  commit(mutate) {
    this.pushUndo();
    mutate(this.graph);
    this.clearErrors();
    this.render(false);
    this.changed(true);
  }

  pushUndo() {
    this.undoStack.push(JSON.stringify(this.graph));
    if (this.undoStack.length > 200) this.undoStack.shift();
    this.redoStack = [];
  }

  undo() { this.step(this.undoStack, this.redoStack); }
  redo() { this.step(this.redoStack, this.undoStack); }

  step(from, to) {
    if (!from.length) return;
    to.push(JSON.stringify(this.graph));
    this.graph = JSON.parse(from.pop());
    this.render(false);
    this.changed(true);
  }

  changed(writeText) {
    if (writeText) this.textarea.value = JSON.stringify(this.graph, null, 2);
    this.form.dispatchEvent(new CustomEvent('graph-changed', { bubbles: true }));
  }

  load(graph) {
    this.pushUndo();
    this.graph = graph;
    this.positions.clear();
    this.render(true);
    this.changed(true);
  }

  // ---- drawing ----------------------------------------------------------------------------------------------
  /**
   * One element id per task, in task order: the task's id, or for a task whose id is missing, not a string or
   * already used by an earlier task, a stand-in ('#3' for the third task) that no task and no other node uses.
   * So a duplicate id never makes a node vanish; arrows point at the first task of an id, as the engine reads it.
   */
  elementIds(tasks) {
    const taken = new Set(tasks.map(t => t && t.id).filter(id => typeof id === 'string' && id));
    const used = new Set();
    return tasks.map((t, i) => {
      const own = t && typeof t.id === 'string' && t.id && !used.has(t.id);
      let id = own ? t.id : '#' + (i + 1);
      while (!own && (taken.has(id) || used.has(id))) id += "'";
      used.add(id);
      return id;
    });
  }

  /** The task behind a node (element id), or undefined. */
  taskOf(elementId) {
    const at = this.indexOf?.get(elementId);
    return at === undefined ? undefined : this.graph.tasks[at];
  }

  render(relayout) {
    const tasks = this.graph.tasks;
    this.ids = this.elementIds(tasks);
    this.indexOf = new Map(this.ids.map((id, i) => [id, i]));
    const nodes = tasks.map((t, i) => ({ id: this.ids[i], kind: KINDS.includes(t?.kind) ? t.kind : 'cpu',
      text: nodeText(t || {}), standIn: this.ids[i] !== t?.id }));
    const edges = new Map();
    tasks.forEach((t, i) => {
      for (const dep of Array.isArray(t?.after) ? t.after : []) {
        const id = dep + '→' + this.ids[i];
        if (this.indexOf.get(dep) !== undefined && tasks[this.indexOf.get(dep)]?.id === dep) {
          edges.set(id, { id, source: dep, target: this.ids[i] });
        }
      }
    });
    const added = [];
    this.setOverview(tasks.length >= BIG);
    this.cy.batch(() => {
      const wanted = new Set(this.ids.concat([...edges.keys()]));
      this.cy.elements().filter(e => !wanted.has(e.id())).remove();
      for (const data of nodes) {
        const node = this.cy.getElementById(data.id);
        if (node.empty()) { added.push(data.id); this.cy.add({ group: 'nodes', data }); }
        else if (node.data('text') !== data.text || node.data('kind') !== data.kind || node.data('standIn') !== data.standIn) node.data(data);
      }
      for (const data of edges.values()) if (this.cy.getElementById(data.id).empty()) this.cy.add({ group: 'edges', data });
    });
    const missing = added.filter(id => !this.positions.has(id));
    // a new graph (most tasks unknown) is laid out afresh; a few new tasks go on free spots beside the others
    const fresh = relayout || missing.length > tasks.length / 2;
    if (fresh || missing.length > Math.max(3, tasks.length / 10)) this.layout(!fresh);
    else {
      for (const id of missing) this.placeFree(id);
      for (const id of added) this.cy.getElementById(id).position({ ...this.positions.get(id) });
      if (missing.length) this.reveal(missing[missing.length - 1]);
    }
    this.applyErrors();
    this.limits?.render();
    this.select(this.selected && this.indexOf.has(this.selected) ? this.selected : null);
  }

  setOverview(on) {
    if (on === this.overview) return;
    this.overview = on;
    this.cy.style(this.style(on));
  }

  /** Puts a node that has no position yet right of its dependencies (or below everything), on a free spot. */
  placeFree(id) {
    const task = this.taskOf(id);
    const others = this.ids.filter(other => other !== id && this.positions.has(other)).map(other => this.positions.get(other));
    const deps = (Array.isArray(task?.after) ? task.after : []).map(d => this.positions.get(d)).filter(Boolean);
    let x = 0, y = 0;
    if (deps.length) { x = Math.max(...deps.map(p => p.x)) + COLUMN; y = deps[0].y; }
    else if (others.length) { x = Math.min(...others.map(p => p.x)); y = Math.max(...others.map(p => p.y)) + ROW; }
    const taken = (px, py) => others.some(p => Math.abs(p.x - px) < NODE_W + 8 && Math.abs(p.y - py) < NODE_H + 8);
    while (taken(x, y)) y += ROW;
    this.positions.set(id, { x, y });
  }

  /** Brings a node just placed into view: a small graph is fitted again, a big one panned (zoom kept). */
  reveal(id) {
    if (this.graph.tasks.length <= 30) { this.fitView(); return; }
    const node = this.cy.getElementById(id);
    const box = this.cy.extent();
    const p = node.position();
    if (p.x - NODE_W / 2 < box.x1 || p.x + NODE_W / 2 > box.x2 || p.y - NODE_H / 2 < box.y1 || p.y + NODE_H / 2 > box.y2) {
      this.cy.center(node);
    }
  }

  layout(keepKnown) {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 60, marginx: 10, marginy: 10 });
    g.setDefaultEdgeLabel(() => ({}));
    this.cy.nodes().forEach(n => g.setNode(n.id(), { width: NODE_W, height: NODE_H }));
    this.cy.edges().forEach(e => g.setEdge(e.data('source'), e.data('target')));
    dagre.layout(g);
    const placed = wrapTallRanks(this.cy.nodes().map(n => ({ id: n.id(), x: g.node(n.id()).x, y: g.node(n.id()).y })));
    this.cy.batch(() => this.cy.nodes().forEach(n => {
      const known = keepKnown && this.positions.get(n.id());
      const p = known || placed.get(n.id());
      n.position(p);
      this.positions.set(n.id(), { ...p });
    }));
    this.fitView();
  }

  fitView() {
    this.fitPending = !this.cy.container().clientWidth;
    if (this.fitPending) return;
    this.cy.fit(undefined, 16);
    if (this.cy.zoom() > 1.2) { this.cy.zoom(1.2); this.cy.center(); }
  }

  // ---- canvas interaction -----------------------------------------------------------------------------------
  bindCanvas(container) {
    this.cy.on('dragfree', 'node', e => this.positions.set(e.target.id(), { ...e.target.position() }));
    this.cy.on('tap', 'node', e => {
      const id = e.target.id();
      const from = this.connectFrom || (e.originalEvent?.shiftKey ? this.selected : null);
      if (from && from !== id) { this.connect(from, id); return; }
      this.select(id);
    });
    this.cy.on('tap', 'edge', e => this.selectEdge(e.target));
    this.cy.on('tap', e => {
      if (e.target !== this.cy) return;
      // A click that just misses an arrow selects it; a click on empty space selects nothing, so a Delete after a
      // missed click never removes a task the person no longer sees selected.
      const edge = this.nearestEdge(e.position, EDGE_REACH_PX / this.cy.zoom());
      this.select(null);
      // cytoscape unselects everything after a tap on the background, later in the same mouse handler
      if (edge) queueMicrotask(() => edge.select());
    });
    container.addEventListener('keydown', e => this.key(e));
    // cytoscape cancels mousedown (no text selection), which also keeps focus away: give it back explicitly
    container.addEventListener('mousedown', () => container.focus({ preventScroll: true }));
  }

  selectEdge(edge) {
    this.select(null);
    edge.select();
  }

  /** The arrow closest to a point (model coordinates) within reach, or null; arrows are straight between nodes. */
  nearestEdge(point, reach) {
    let best = null, bestSq = reach * reach;
    this.cy.edges().forEach(edge => {
      const a = edge.sourceEndpoint(), b = edge.targetEndpoint();
      const dx = b.x - a.x, dy = b.y - a.y;
      const along = Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
      const ex = a.x + along * dx - point.x, ey = a.y + along * dy - point.y;
      const sq = ex * ex + ey * ey;
      if (sq < bestSq) { bestSq = sq; best = edge; }
    });
    return best;
  }

  key(e) {
    const ids = this.ids;
    const at = ids.indexOf(this.selected);
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') { this.select(ids[(at + 1) % ids.length]); e.preventDefault(); }
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') { this.select(ids[(at - 1 + ids.length) % ids.length]); e.preventDefault(); }
    else if (e.key === 'Delete' || e.key === 'Backspace') { this.removeSelection(); e.preventDefault(); }
    else if (e.key === 'c' && this.selected) { this.startConnect(); e.preventDefault(); }
    else if (e.key === 'Enter' && this.connectFrom && this.selected && this.connectFrom !== this.selected) { this.connect(this.connectFrom, this.selected); e.preventDefault(); }
    else if (e.key === 'Escape') { this.connectFrom = null; this.cy.nodes().removeClass('connect-from'); }
    else if ((e.ctrlKey || e.metaKey) && e.key === 'z') { this.undo(); e.preventDefault(); }
    else if ((e.ctrlKey || e.metaKey) && e.key === 'y') { this.redo(); e.preventDefault(); }
  }

  startConnect() {
    this.connectFrom = this.selected;
    this.cy.nodes().removeClass('connect-from');
    this.cy.getElementById(this.selected).addClass('connect-from');
  }

  connect(from, to) {
    this.connectFrom = null;
    this.cy.nodes().removeClass('connect-from');
    const target = this.taskOf(to);
    // only a task's own id can be waited for: a stand-in node (duplicate or missing id) is no dependency
    if (from !== this.taskOf(from)?.id) { this.select(to); return; }
    if (!target || (target.after || []).includes(from)) { this.select(to); return; }
    this.commit(() => { target.after = [...(target.after || []), from]; });
    this.select(to);
  }

  removeSelection() {
    const edge = this.cy.edges(':selected')[0];
    if (edge) {
      const { source, target } = edge.data();
      const task = this.taskOf(target);
      this.commit(() => { task.after = task.after.filter(d => d !== source); });
      return;
    }
    if (this.selected) this.remove(this.selected);
  }

  /** Removes the task behind a node; arrows to it go too, unless another task keeps that id. */
  remove(elementId) {
    const task = this.taskOf(elementId);
    if (!task) return;
    this.selected = null;
    this.commit(g => {
      g.tasks = g.tasks.filter(t => t !== task);
      const id = task.id;
      if (!g.tasks.some(t => t?.id === id)) for (const t of g.tasks) if (Array.isArray(t?.after)) t.after = t.after.filter(d => d !== id);
    });
  }

  add(kind) {
    const ids = new Set(this.graph.tasks.map(t => t?.id));
    let n = this.graph.tasks.length + 1;
    while (ids.has('t' + n)) n++;
    const id = 't' + n;
    const task = { id, kind, ms: kind === 'cpu' ? 500 : 1000 };
    const dependency = this.taskOf(this.selected);
    if (dependency && this.ids[this.graph.tasks.indexOf(dependency)] === dependency.id) task.after = [dependency.id];
    this.commit(g => g.tasks.push(task));
    this.select(id);
  }

  // ---- inspector -------------------------------------------------------------------------------------------
  field(name) { return this.inspector.querySelector('#task-' + name); }

  bindInspector() {
    const edit = (name, apply) => this.field(name).addEventListener('change', () => {
      const task = this.taskOf(this.selected);
      if (task) this.commit(() => apply(task, this.field(name).value));
    });
    edit('kind', (t, v) => { t.kind = v; });
    edit('ms', (t, v) => { t.ms = v === '' ? null : Number(v); });
    edit('label', (t, v) => { if (v) t.label = v; else delete t.label; });
    // a limit is a name typed or picked from the graph's limits; the server says if the graph has no such limit
    edit('limit', (t, v) => { if (v.trim()) t.limit = v.trim(); else delete t.limit; });
    this.field('offload').addEventListener('change', () => {
      const task = this.taskOf(this.selected);
      const on = this.field('offload').checked;
      if (task) this.commit(() => { if (on) task.offload = true; else delete task.offload; });
    });
    edit('id', (t, v) => {
      const old = t.id;
      if (!v || v === old) return;
      const node = this.selected;
      const renamesAll = this.ids[this.graph.tasks.indexOf(t)] === old; // the first task of an id owns its arrows
      t.id = v;
      if (renamesAll) for (const other of this.graph.tasks) if (Array.isArray(other?.after)) other.after = other.after.map(d => d === old ? v : d);
      const after = this.elementIds(this.graph.tasks)[this.graph.tasks.indexOf(t)];
      this.positions.set(after, this.positions.get(node));
      this.selected = after;
    });
  }

  select(id) {
    this.selected = id || null;
    this.cy.$(':selected').unselect();
    this.cy.edges('.near').removeClass('near');
    const task = this.taskOf(id);
    this.inspector.disabled = !task;
    this.inspector.querySelector('#inspector-title').textContent = task ? (typeof task.id === 'string' && task.id ? task.id : '(no id)') : '(select a task)';
    this.field('id').value = task && typeof task.id === 'string' ? task.id : '';
    this.field('kind').value = task ? task.kind : 'io';
    this.field('ms').value = task && task.ms != null ? task.ms : '';
    this.field('label').value = task ? task.label || '' : '';
    this.field('limit').value = task && typeof task.limit === 'string' ? task.limit : '';
    this.field('offload').checked = task?.offload === true;
    // offload is for calls that hold their thread (blocking_io, cpu); an io task shows it only to undo it
    const offloadable = !!task && (task.kind === 'blocking_io' || task.kind === 'cpu' || task.offload === true);
    this.inspector.querySelector('#task-offload-label').hidden = !offloadable;
    this.inspector.querySelector('#task-offload-hint').hidden = !offloadable;
    this.markFields(task);
    this.inspector.querySelector('#task-error').textContent = task ? this.errors.get(task.id) || '' : '';
    if (task) {
      const node = this.cy.getElementById(id);
      node.select();
      if (this.overview) node.connectedEdges().addClass('near');
    }
  }

  /** The inspector's fields the server named for this task are marked invalid (their words are in #task-error). */
  markFields(task) {
    const named = task ? this.fieldErrors.get(this.ids[this.graph.tasks.indexOf(task)]) : null;
    for (const name of ['id', 'kind', 'ms', 'label', 'limit', 'offload']) {
      if (named?.has(name)) this.field(name).setAttribute('aria-invalid', 'true');
      else this.field(name).removeAttribute('aria-invalid');
    }
  }

  // ---- server validation errors ----------------------------------------------------------------------------
  /** Violations [{pointer, message, cycle}] -> the offending tasks marked, cycles drawn; the selection stays. */
  markErrors(errors) {
    this.showErrors(errors);
    this.inspector.querySelector('#task-error').textContent = this.errors.get(this.selected) || '';
  }

  /** problem+json errors[] -> the offending task is marked, its message shown when selected; cycles drawn. */
  showErrors(errors) {
    this.errors.clear();
    this.fieldErrors.clear();
    this.cycleEdges = [];
    let first = null;
    for (const error of errors || []) {
      const match = /^(?:\/graph)?\/tasks\/(\d+)(?:\/(\w+))?/.exec(error.pointer || '');
      const id = match ? this.ids[Number(match[1])] || null : null;
      if (id) {
        this.errors.set(id, (this.errors.has(id) ? this.errors.get(id) + ' ' : '') + error.message);
        if (match[2]) this.fieldErrors.set(id, (this.fieldErrors.get(id) || new Set()).add(match[2]));
        first = first || id;
      }
      const cycle = error.cycle || [];
      for (let i = 0; i + 1 < cycle.length; i++) {
        // the cycle lists awaiting order a -> b meaning a awaits b or b awaits a: mark whichever edge exists
        this.cycleEdges.push(cycle[i] + '→' + cycle[i + 1], cycle[i + 1] + '→' + cycle[i]);
      }
    }
    this.applyErrors();
    this.limits?.showErrors(errors);
    if (this.selected) this.markFields(this.taskOf(this.selected));
    return first;
  }

  clearErrors() { this.errors.clear(); this.fieldErrors.clear(); this.cycleEdges = []; this.limits?.clearErrors(); }

  applyErrors() {
    this.cy.$('.invalid').removeClass('invalid');
    this.cy.$('.cycle').removeClass('cycle');
    // a task without an id of its own (missing, or taken by an earlier task) is marked before the server says why
    this.cy.nodes('[?standIn]').addClass('invalid');
    for (const id of this.errors.keys()) this.cy.getElementById(id).addClass('invalid');
    for (const id of this.cycleEdges || []) this.cy.getElementById(id).addClass('cycle');
  }

  fit() { this.positions.clear(); this.render(true); }
}
