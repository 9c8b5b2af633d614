// /classes/{id}: the teacher's live dashboard. Every frame is the whole dashboard, folded by the server; this
// island only draws it (histogram bars with the truth marked, share correct, misconceptions, who is missing).
import { api, describe } from './api.js';
import { el } from './dom.js';
import { followClass, questionText, schedulerName } from './class-live.js';

export function initClassTeacher(root) {
  const id = root.dataset.class;
  const $ = s => root.querySelector(s);
  const error = $('#class-error');
  const act = action => async () => {
    error.hidden = true;
    try {
      await api('POST', '/api/v1/classes/' + encodeURIComponent(id) + '/' + action);
    } catch (e) {
      error.textContent = describe(e);
      error.hidden = false;
    }
  };
  $('#class-reveal').addEventListener('click', act('reveal'));
  $('#class-next').addEventListener('click', act('advance'));
  $('#class-close').addEventListener('click', act('close'));
  $('#class-reopen').addEventListener('click', act('reopen'));
  $('#class-csv').href = '/api/v1/classes/' + encodeURIComponent(id) + '/answers.csv';
  $('#class-qr').src = '/api/v1/classes/' + encodeURIComponent(id) + '/qr.svg';
  let code = null;
  followClass(id, frame => draw(root, frame.dashboard, c => {
    if (c !== code) {
      code = c;
      $('#class-qr').src = '/api/v1/classes/' + encodeURIComponent(id) + '/qr.svg?code=' + encodeURIComponent(c);
    }
  }), (text, refused) => {
    $('#class-status').textContent = text;
    if (refused) error.hidden = true;
  });
}

function draw(root, d, codeChanged) {
  const $ = s => root.querySelector(s);
  const k = d.klass;
  $('#dash-heading').textContent = k.title;
  const phase = { answering: 'answers open', revealed: 'revealed', closed: 'ended' }[k.phase] || k.phase;
  $('#class-status').textContent = 'Step ' + (d.step + 1) + ' of ' + k.stepCount + ' · ' + phase
    + (k.pacing === 'self' ? ' · self-paced' : '') + ' · ' + d.students + ' joined';
  $('#class-code').textContent = k.joinCode;
  $('#class-join-link').textContent = location.host + k.joinPath.replace(/\?.*/, '');
  codeChanged(k.joinCode);
  const closed = k.phase === 'closed';
  $('#class-reveal').hidden = closed || k.pacing === 'self';
  $('#class-reveal').disabled = k.phase !== 'answering';
  $('#class-next').hidden = closed;
  $('#class-next').disabled = d.step + 1 >= k.stepCount || (k.pacing === 'teacher' && k.phase !== 'revealed');
  $('#class-close').hidden = closed;
  $('#class-reopen').hidden = !closed;
  $('#class-questions').replaceChildren(...d.questions.map(q => question(q, d.students)));
  $('#class-missing').replaceChildren(...(d.notAnswered.length
    ? d.notAnswered.map(n => el('li', n)) : [el('li', 'Everyone has answered.', 'muted')]));
  $('#class-latest').replaceChildren(...d.latest.map(a => el('li', a.name + ': ' + a.answer)));
}

function question(q, students) {
  const box = el('section', null, 'class-question');
  box.append(el('h3', questionText(q.question)));
  const share = Math.round(q.correctShare * 100);
  box.append(el('p', q.answered + ' of ' + students + ' answered · ' + share + ' % correct within tolerance', 'class-share'));
  if (q.histogram) box.append(histogram(q.histogram, q.scale));
  if (q.picks) {
    const list = el('ul', null, 'class-picks');
    for (const p of q.picks) {
      const option = q.question.kind === 'fastest_scheduler' && p.option.startsWith('scheduler ')
        ? schedulerName(q.question.schedulers[Number(p.option.slice(10))]) : p.option;
      list.append(el('li', option + ': ' + p.count + (p.truth ? '  ✓ true' : '')));
    }
    box.append(list);
  }
  if (q.misconceptions.length) {
    box.append(el('h4', 'Most common misconceptions'));
    const list = el('ol', null, 'class-misconceptions');
    for (const m of q.misconceptions) list.append(el('li', m.count + ' × ' + m.text));
    box.append(list);
  }
  return box;
}

function histogram(h, scale) {
  const figure = el('figure', null, 'class-histogram');
  const bars = el('div', null, 'class-bars');
  const max = Math.max(1, ...h.bins.map(b => b.count));
  const unit = scale === 'ms' ? ' ms' : ' % of own truth';
  for (const b of h.bins) {
    const bar = el('div', null, 'class-bar');
    bar.style.height = Math.round(100 * b.count / max) + '%';
    const holdsTruth = h.truth != null && h.truth >= b.from && (h.truth < b.to || b.to === h.bins[h.bins.length - 1].to);
    if (holdsTruth) bar.classList.add('truth');
    bar.title = Math.round(b.from) + '–' + Math.round(b.to) + unit + ': ' + b.count;
    if (b.count) bar.append(el('span', String(b.count)));
    bars.append(bar);
  }
  figure.append(bars);
  const first = h.bins[0];
  const last = h.bins[h.bins.length - 1];
  const caption = el('figcaption', first ? Math.round(first.from) + unit + ' … ' + Math.round(last.to) + unit : 'No answers yet');
  if (h.truth != null && first) caption.append(el('strong', ' · true: ' + Math.round(h.truth) + unit + ' (green bar)'));
  figure.append(caption);
  return figure;
}
