// Graph editor island: cytoscape draws the task graph laid out by dagre (layered, left to right); the JSON
// textarea is the single source of truth sent with the form, kept in sync both ways.
// Invariant: this.graph always equals the last JSON that parsed; the canvas is rebuilt from it on every change,
// except that node positions survive edits (people drag; the JSON does not store positions).
import cytoscape from 'cytoscape';
import dagre from 'dagre';

const KINDS = ['io', 'blocking_io', 'cpu'];
const BIG = 300;

function nodeText(t) {
  const ms = typeof t.ms === 'number' ? t.ms + ' ms' : '? ms';
  const label = t.label ? String(t.label).slice(0, 28) + ' · ' : '';
  return t.id + ' · ' + t.kind + '\n' + label + ms;
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
  constructor({ container, textarea, inspector, form }) {
    this.textarea = textarea;
    this.inspector = inspector;
    this.form = form;
    this.undoStack = [];
    this.redoStack = [];
    this.errors = new Map();
    this.positions = new Map();
    this.selected = null;
    this.connectFrom = null;
    this.cy = cytoscape({
      container, minZoom: 0.05, maxZoom: 2.5, wheelSensitivity: 0.3, boxSelectionEnabled: false,
      textureOnViewport: true, hideEdgesOnViewport: true, style: this.style(),
    });
    this.bindCanvas(container);
    this.bindInspector();
    textarea.addEventListener('input', () => this.fromText());
    this.graph = { name: 'untitled', tasks: [] };
    this.fromText(true);
  }

  style() {
    return [
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
    this.render(true);
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
  render(relayout) {
    const tasks = this.graph.tasks.filter(t => t && typeof t.id === 'string');
    const ids = new Set(tasks.map(t => t.id));
    const elements = tasks.map(t => ({ group: 'nodes', data: { id: t.id, kind: KINDS.includes(t.kind) ? t.kind : 'cpu', text: nodeText(t) } }));
    for (const t of tasks) {
      for (const dep of Array.isArray(t.after) ? t.after : []) {
        if (ids.has(dep)) elements.push({ group: 'edges', data: { id: dep + '→' + t.id, source: dep, target: t.id } });
      }
    }
    const selected = this.selected;
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(elements);
    });
    const missing = tasks.some(t => !this.positions.has(t.id));
    if (relayout || missing) this.layout(!relayout);
    else this.cy.nodes().forEach(n => n.position(this.positions.get(n.id())));
    this.applyErrors();
    if (selected && ids.has(selected)) this.select(selected); else this.select(null);
  }

  layout(keepKnown) {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 46, marginx: 10, marginy: 10 });
    g.setDefaultEdgeLabel(() => ({}));
    this.cy.nodes().forEach(n => g.setNode(n.id(), { width: 132, height: 40 }));
    this.cy.edges().forEach(e => g.setEdge(e.data('source'), e.data('target')));
    dagre.layout(g);
    const placed = wrapTallRanks(this.cy.nodes().map(n => ({ id: n.id(), x: g.node(n.id()).x, y: g.node(n.id()).y })));
    this.cy.nodes().forEach(n => {
      const known = keepKnown && this.positions.get(n.id());
      const p = known || placed.get(n.id());
      n.position(p);
      this.positions.set(n.id(), { ...p });
    });
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
    this.cy.on('tap', e => { if (e.target === this.cy) this.select(null); });
    container.addEventListener('keydown', e => this.key(e));
    // cytoscape cancels mousedown (no text selection), which also keeps focus away: give it back explicitly
    container.addEventListener('mousedown', () => container.focus({ preventScroll: true }));
  }

  key(e) {
    const ids = this.graph.tasks.map(t => t.id);
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
    const target = this.graph.tasks.find(t => t.id === to);
    if (!target || (target.after || []).includes(from)) { this.select(to); return; }
    this.commit(() => { target.after = [...(target.after || []), from]; });
    this.select(to);
  }

  removeSelection() {
    const edge = this.cy.edges(':selected')[0];
    if (edge) {
      const { source, target } = edge.data();
      this.commit(g => { const t = g.tasks.find(x => x.id === target); t.after = t.after.filter(d => d !== source); });
      return;
    }
    if (this.selected) this.remove(this.selected);
  }

  remove(id) {
    this.selected = null;
    this.commit(g => {
      g.tasks = g.tasks.filter(t => t.id !== id);
      for (const t of g.tasks) if (Array.isArray(t.after)) t.after = t.after.filter(d => d !== id);
    });
  }

  add(kind) {
    const ids = new Set(this.graph.tasks.map(t => t.id));
    let n = this.graph.tasks.length + 1;
    while (ids.has('t' + n)) n++;
    const id = 't' + n;
    const task = { id, kind, ms: kind === 'cpu' ? 500 : 1000 };
    if (this.selected) task.after = [this.selected];
    this.commit(g => g.tasks.push(task));
    this.select(id);
  }

  // ---- inspector -------------------------------------------------------------------------------------------
  field(name) { return this.inspector.querySelector('#task-' + name); }

  bindInspector() {
    const edit = (name, apply) => this.field(name).addEventListener('change', () => {
      const task = this.graph.tasks.find(t => t.id === this.selected);
      if (task) this.commit(() => apply(task, this.field(name).value));
    });
    edit('kind', (t, v) => { t.kind = v; });
    edit('ms', (t, v) => { t.ms = v === '' ? null : Number(v); });
    edit('label', (t, v) => { if (v) t.label = v; else delete t.label; });
    edit('id', (t, v) => {
      const old = t.id;
      if (!v || v === old) return;
      t.id = v;
      for (const other of this.graph.tasks) if (Array.isArray(other.after)) other.after = other.after.map(d => d === old ? v : d);
      this.positions.set(v, this.positions.get(old));
      this.selected = v;
    });
  }

  select(id) {
    this.selected = id || null;
    this.cy.elements().unselect();
    const task = this.graph.tasks.find(t => t.id === id);
    this.inspector.disabled = !task;
    this.inspector.querySelector('#inspector-title').textContent = task ? task.id : '(select a task)';
    this.field('id').value = task ? task.id : '';
    this.field('kind').value = task ? task.kind : 'io';
    this.field('ms').value = task && task.ms != null ? task.ms : '';
    this.field('label').value = task ? task.label || '' : '';
    this.inspector.querySelector('#task-error').textContent = task ? this.errors.get(task.id) || '' : '';
    if (task) {
      const node = this.cy.getElementById(id);
      node.select();
      if (this.graph.tasks.length > 20 && !node.renderedBoundingBox) return;
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
    this.cycleEdges = [];
    let first = null;
    for (const error of errors || []) {
      const match = /^(?:\/graph)?\/tasks\/(\d+)/.exec(error.pointer || '');
      const task = match ? this.graph.tasks[Number(match[1])] : null;
      const id = task && typeof task.id === 'string' ? task.id : null;
      if (id) {
        this.errors.set(id, (this.errors.has(id) ? this.errors.get(id) + ' ' : '') + error.message);
        first = first || id;
      }
      const cycle = error.cycle || [];
      for (let i = 0; i + 1 < cycle.length; i++) {
        // the cycle lists awaiting order a -> b meaning a awaits b or b awaits a: mark whichever edge exists
        this.cycleEdges.push(cycle[i] + '→' + cycle[i + 1], cycle[i + 1] + '→' + cycle[i]);
      }
    }
    this.applyErrors();
    return first;
  }

  clearErrors() { this.errors.clear(); this.cycleEdges = []; }

  applyErrors() {
    this.cy.nodes().removeClass('invalid');
    this.cy.edges().removeClass('cycle');
    for (const id of this.errors.keys()) this.cy.getElementById(id).addClass('invalid');
    for (const id of this.cycleEdges || []) this.cy.getElementById(id).addClass('cycle');
  }

  fit() { this.positions.clear(); this.render(true); }
}
