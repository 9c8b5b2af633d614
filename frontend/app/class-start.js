// /classes: a teacher builds a challenge from the built-in examples, opens a class on it, and goes to its
// dashboard; below, their past classes to reopen.
import { api, describe } from './api.js';
import { el } from './dom.js';

export function initClassStart(root) {
  const examples = JSON.parse(root.dataset.examples);
  const steps = root.querySelector('#class-steps');
  examples.forEach((e, i) => {
    const label = el('label');
    const box = el('input');
    box.type = 'checkbox';
    box.value = String(i);
    box.checked = i < 3;
    label.append(box, ' ' + e.title);
    steps.append(label);
  });
  const error = root.querySelector('#class-start-error');
  root.querySelector('#class-start-form').addEventListener('submit', async event => {
    event.preventDefault();
    error.hidden = true;
    const form = event.target;
    const chosen = [...steps.querySelectorAll('input:checked')].map(b => examples[Number(b.value)]);
    try {
      const challenge = await api('POST', '/api/v1/challenges', {
        title: form.title.value,
        steps: chosen.map(e => ({ graph: e.graph, questions: [{ kind: 'makespan', scheduler: { type: 'event_loop' } }] })),
      });
      const klass = await api('POST', '/api/v1/classes', {
        challengeId: challenge.id, pacing: form.pacing.value, variants: form.variants.checked,
      });
      location.assign(klass.links.page);
    } catch (e) {
      error.textContent = chosen.length ? describe(e) : 'Pick at least one step.';
      error.hidden = false;
    }
  });
  listClasses(root.querySelector('#class-list'));
}

async function listClasses(list) {
  const classes = await api('GET', '/api/v1/classes').catch(() => []);
  list.replaceChildren();
  if (!classes.length) list.append(el('li', 'No classes yet.', 'muted'));
  for (const c of classes) {
    const item = el('li');
    const link = el('a', c.title + ' · ' + c.phase + ' · ' + new Date(c.createdAt).toLocaleString());
    link.href = c.links.page;
    item.append(link);
    list.append(item);
  }
}
