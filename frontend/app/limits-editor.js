// The graph's "limits" map (name -> whole number 1..10,000), edited as rows below the task inspector.
// Invariants:
// - The rows show exactly the entries of editor.graph.limits, in their order; rows are reused by position, and a
//   field that has the focus is never overwritten, so an edit never loses the caret.
// - Every change goes through editor.commit (undo, JSON text, a new prediction); the server judges the values and
//   its words come back here through showErrors, at the offending row. Nothing is adjusted: a limit of 0 stays 0.
// - Renaming a limit renames it in the tasks that run under it; removing one removes it from them (as removing a
//   task removes its arrows). Two limits cannot share a name (a JSON object has one value per key).
import { el } from './dom.js';

const LIMIT_POINTER = /^(?:\/graph)?\/limits\/(.+)$/;

function unescapePointer(token) {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

export class LimitsEditor {
  constructor(editor, box) {
    this.editor = editor;
    this.rows = box.querySelector('#limit-rows');
    this.names = document.getElementById('limit-names');
    this.errors = new Map();      // limit name -> { messages: [], field: 'name' | 'value' }
    this.local = new Map();       // row index -> a refusal of this page's own (a name already taken)
    box.addEventListener('click', e => {
      const button = e.target.closest('button[data-action]');
      if (button?.dataset.action === 'add-limit') this.add();
      else if (button?.dataset.action === 'remove-limit') this.remove(Number(button.closest('.limit-row').dataset.index));
    });
    box.addEventListener('change', e => {
      const row = e.target.closest('.limit-row');
      if (!row) return;
      const at = Number(row.dataset.index);
      if (e.target.classList.contains('limit-name')) this.rename(at, e.target.value.trim());
      else this.setValue(at, e.target.value);
    });
  }

  entries() {
    const limits = this.editor.graph.limits;
    return limits && typeof limits === 'object' && !Array.isArray(limits) ? Object.entries(limits) : [];
  }

  /** Rewrites the map with one entry changed in place (key order kept). */
  rewrite(at, name, value) {
    const next = {};
    this.entries().forEach(([k, v], i) => {
      if (i !== at) next[k] = v;
      else if (name != null) next[name] = value;
    });
    return next;
  }

  add() {
    const taken = new Set(this.entries().map(([k]) => k));
    let n = taken.size + 1;
    while (taken.has('limit' + n)) n++;
    const name = 'limit' + n;
    this.editor.commit(g => { g.limits = { ...(this.entries().length ? g.limits : {}), [name]: 2 }; });
    this.rows.lastElementChild?.querySelector('.limit-name')?.focus();
  }

  remove(at) {
    const [name] = this.entries()[at] || [];
    if (name == null) return;
    this.local.clear();
    this.editor.commit(g => {
      g.limits = this.rewrite(at, null);
      if (!Object.keys(g.limits).length) delete g.limits;
      for (const t of g.tasks) if (t && t.limit === name) delete t.limit;
    });
  }

  rename(at, name) {
    const [old, value] = this.entries()[at] || [];
    if (old == null || name === old) return;
    this.local.delete(at);
    if (!name || this.entries().some(([k], i) => i !== at && k === name)) {
      // refused here, not by the server: the JSON object cannot hold two values under one name
      this.local.set(at, name ? 'There is already a limit named \u2018' + name + '\u2019.' : 'A limit needs a name.');
      this.render();
      return;
    }
    this.editor.commit(g => {
      g.limits = this.rewrite(at, name, value);
      for (const t of g.tasks) if (t && t.limit === old) t.limit = name;
    });
  }

  setValue(at, typed) {
    const [name] = this.entries()[at] || [];
    if (name == null) return;
    const value = typed.trim() === '' ? null : Number(typed);
    this.editor.commit(g => { g.limits = this.rewrite(at, name, value); });
  }

  row() {
    const row = el('div', null, 'row limit-row');
    const nameLabel = el('label', 'name ');
    const name = el('input', null, 'limit-name');
    name.maxLength = 64;
    name.autocomplete = 'off';
    nameLabel.append(name);
    const valueLabel = el('label', 'at most ');
    const value = el('input', null, 'limit-value');
    Object.assign(value, { type: 'number', min: '1', max: '10000', step: '1', inputMode: 'numeric' });
    valueLabel.append(value, ' at once');
    const remove = el('button', 'Remove', 'danger');
    remove.type = 'button';
    remove.dataset.action = 'remove-limit';
    const error = el('p', null, 'field-error limit-error');
    error.setAttribute('role', 'status');
    row.append(nameLabel, valueLabel, remove, error);
    return row;
  }

  render() {
    const entries = this.entries();
    while (this.rows.children.length > entries.length) this.rows.lastElementChild.remove();
    while (this.rows.children.length < entries.length) this.rows.append(this.row());
    entries.forEach(([name, value], i) => {
      const row = this.rows.children[i];
      row.dataset.index = String(i);
      const nameField = row.querySelector('.limit-name'), valueField = row.querySelector('.limit-value');
      if (document.activeElement !== nameField && !this.local.has(i)) nameField.value = name;
      if (document.activeElement !== valueField) valueField.value = value == null ? '' : String(value);
      nameField.setAttribute('aria-label', 'Name of limit ' + (i + 1));
      valueField.setAttribute('aria-label', 'How many tasks under limit ' + name + ' may run at once');
      const problem = this.errors.get(name);
      const local = this.local.get(i);
      row.querySelector('.limit-error').textContent = local || (problem ? problem.messages.join(' ') : '');
      const bad = local ? 'name' : problem?.field;
      for (const [field, input] of [['name', nameField], ['value', valueField]]) {
        if (bad === field) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
      }
    });
    this.names.replaceChildren(...entries.map(([name]) => { const o = el('option'); o.value = name; return o; }));
  }

  /** The server's violations of the limits map, each at its row. */
  showErrors(errors) {
    this.errors.clear();
    for (const error of errors || []) {
      const match = LIMIT_POINTER.exec(error.pointer || '');
      if (!match) continue;
      const name = unescapePointer(match[1]);
      const entry = this.errors.get(name) || { messages: [], field: 'value' };
      entry.messages.push(error.message);
      if (error.code === 'malformed-limit-name') entry.field = 'name';
      this.errors.set(name, entry);
    }
    this.render();
  }

  clearErrors() {
    this.errors.clear();
  }
}
