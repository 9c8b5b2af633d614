// The summary card: numbers from the RunView (contract.md) and the server's verdict, as it worded it.
// A run that did not finish shows what happened up to the stop: no speed-up, no lower bound.
import { el } from './dom.js';
import { seconds, statusWords, stopped } from './format.js';

export function renderSummary(card, run, model, title = 'Summary') {
  const heading = el('h3', title);
  heading.id = card.getAttribute('aria-labelledby') || '';
  card.replaceChildren(heading);
  const dl = el('dl', null, 'summary');
  const row = (term, value, extra) => {
    dl.append(el('dt', term));
    const dd = el('dd', value);
    if (extra) dd.append(' ', el('span', extra, 'muted'));
    dl.append(dd);
  };
  if (stopped(run)) stoppedRows(row, run, model); else finishedRows(row, run);
  card.append(dl);
  if (run.verdict?.text) {
    const verdict = el('p', run.verdict.text, 'verdict');
    verdict.dataset.rule = run.verdict.rule;
    card.append(verdict);
  }
}

function finishedRows(row, run) {
  const b = run.bounds || {};
  row('Makespan', seconds(run.makespanMs), run.predictedMakespanMs != null ? 'predicted ' + seconds(run.predictedMakespanMs) : null);
  row('Total work', seconds(b.totalWorkMs));
  row('Critical path', (b.criticalPath || []).join(' → ') || '–', seconds(b.criticalPathMs));
  const reached = run.makespanMs != null && b.lowerBoundMs != null && run.makespanMs <= b.lowerBoundMs * 1.02 + 1;
  row('Lower bound', seconds(b.lowerBoundMs), reached ? '(reached)' : '(' + seconds(run.makespanMs - b.lowerBoundMs) + ' above)');
  const speedup = run.speedupVsSequential;
  row('vs sequential', speedup == null ? '–' : speedup.toFixed(2) + '× ' + (speedup >= 1.005 ? 'faster' : 'no gain'));
  const util = run.utilisation || [];
  row('Utilisation', util.length ? util.map(u => Math.round(u * 100) + '%').join(' · ') : '–',
    util.length > 1 ? 'per worker' : 'of the lane');
}

function stoppedRows(row, run, model) {
  row('Status', statusWords(run.status), run.reason || null);
  row('Stopped at', seconds(run.makespanMs),
    run.predictedMakespanMs != null ? 'the whole graph was predicted to take ' + seconds(run.predictedMakespanMs) : null);
  const tasks = model ? model.order : [];
  if (tasks.length) row('Tasks finished', tasks.filter(t => t.state === 'finished').length + ' of ' + tasks.length);
}
