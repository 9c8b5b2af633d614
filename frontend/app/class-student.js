// /join: a student joins with the code and a name, then sees the current step (their own variant of the graph),
// answers, and when the step is revealed (live, over the class stream) the truth beside their guess.
import { api, describe } from './api.js';
import { el } from './dom.js';
import { followClass, questionText, schedulerName } from './class-live.js';

export function initClassStudent(root) {
  const $ = s => root.querySelector(s);
  $('#join-form').addEventListener('submit', async event => {
    event.preventDefault();
    $('#join-error').hidden = true;
    try {
      const view = await api('POST', '/api/v1/classes/join', { code: $('#join-code').value, name: $('#join-name').value });
      $('#join-form').hidden = true;
      $('#join-heading').textContent = view.title;
      draw(root, view);
      followClass(view.classId, frame => draw(root, frame.student), text => { $('#student-status').textContent = text; });
    } catch (e) {
      $('#join-error').textContent = describe(e);
      $('#join-error').hidden = false;
    }
  });
}

function draw(root, v) {
  const $ = s => root.querySelector(s);
  $('#student-step').hidden = false;
  const phase = {
    answering: 'Guess first: answer before the reveal.', revealed: 'Revealed.', closed: 'The class has ended.',
    finished: 'You have answered every step.',
  }[v.phase] || v.phase;
  $('#student-status').textContent = v.name + ' · step ' + (v.step + 1) + ' of ' + v.stepCount + ' · ' + phase;
  $('#student-note').textContent = v.note || '';
  $('#student-tasks').replaceChildren(...v.graph.tasks.map(t => {
    const row = el('tr');
    row.append(el('td', t.id), el('td', t.kind), el('td', String(t.ms)), el('td', (t.after || []).join(', ')));
    return row;
  }));
  const form = $('#student-answers');
  form.replaceChildren(...v.questions.map(q => question(v, q)));
}

function question(v, q) {
  const box = el('fieldset', null, 'student-question');
  box.append(el('legend', questionText(q.question)));
  const input = answerInput(v, q);
  box.append(input);
  const result = el('p', null, 'student-result');
  result.setAttribute('role', 'status');
  const open = v.phase === 'answering' && !q.answer;
  input.disabled = !open;
  if (q.answer) result.textContent = 'Your answer: ' + said(q.answer, q.question) + (q.grade ? '' : ' · waiting for the reveal');
  if (q.grade) {
    result.textContent = 'You said ' + said(q.answer, q.question) + '; the engine says ' + said(q.grade.truth, q.question)
      + (q.grade.errorPct != null ? ' (' + (q.grade.errorPct > 0 ? '+' : '') + Math.round(q.grade.errorPct) + ' %)' : '')
      + ' · score ' + q.grade.score + (q.grade.correct ? ' ✓' : '');
  }
  if (open) {
    const send = el('button', 'Answer');
    send.type = 'button';
    send.addEventListener('click', async () => {
      try {
        const saved = await api('POST', v.links.answers, { step: v.step, question: q.index, answer: value(q, input) });
        q.answer = saved.answer;
        q.grade = saved.grade;
        box.replaceWith(question(v, q));
      } catch (e) {
        result.textContent = describe(e);
      }
    });
    box.append(send);
  }
  box.append(result);
  if (q.grade && q.grade.misconception) box.append(el('p', q.grade.misconception.text, 'student-misconception'));
  return box;
}

function answerInput(v, q) {
  const kind = q.question.kind;
  if (kind === 'makespan' || kind === 'loop_blocked') {
    const input = el('input');
    input.type = 'number';
    input.min = '0';
    input.inputMode = 'numeric';
    input.setAttribute('aria-label', 'Your guess in ms');
    if (q.answer) input.value = String(q.answer.ms);
    return input;
  }
  const select = el('select');
  select.setAttribute('aria-label', 'Your pick');
  const options = kind === 'fastest_scheduler'
    ? q.question.schedulers.map((s, i) => [String(i), schedulerName(s)])
    : v.graph.tasks.map(t => [t.id, 'task ' + t.id]);
  fill(select, options);
  if (q.answer) select.value = q.answer.task != null ? q.answer.task : String(q.answer.scheduler);
  return select;
}

function fill(select, options) {
  for (const [valueOf, text] of options) {
    const option = el('option', text);
    option.value = valueOf;
    select.append(option);
  }
  return select;
}

function value(q, input) {
  const kind = q.question.kind;
  if (kind === 'makespan' || kind === 'loop_blocked') return { ms: Number(input.value) };
  if (kind === 'fastest_scheduler') return { scheduler: Number(input.value) };
  return { task: input.value };
}

function said(answer, question) {
  if (answer.ms != null) return Math.round(answer.ms) + ' ms';
  if (answer.scheduler != null) return schedulerName(question.schedulers[answer.scheduler]);
  return 'task ' + answer.task;
}
