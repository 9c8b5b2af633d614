// The summary card: numbers from the RunView (contract.md) plus one plain sentence saying what happened.
import { seconds } from './timeline.js';

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text != null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function schedulerName(s) {
  if (!s) return '';
  if (s.type === 'event_loop') return 'Event loop';
  if (s.type === 'parallel') return 'Parallel · ' + s.workers + ' worker' + (s.workers === 1 ? '' : 's');
  return 'Sequential';
}

export function renderSummary(card, run, model, title = 'Summary') {
  const b = run.bounds || {};
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
  card.append(dl, el('p', verdict(run, model), 'verdict'));
}

/** One sentence a learner can act on. */
export function verdict(run, model) {
  const b = run.bounds || {};
  const type = run.scheduler?.type;
  const makespan = run.makespanMs;
  if (run.status && run.status !== 'succeeded') return 'The run ' + run.status.replace('_', ' ') + (run.reason ? ': ' + run.reason : '.');
  if (type === 'sequential') return 'One thing at a time: the makespan is the total work, ' + seconds(b.totalWorkMs) + '.';
  if (type === 'event_loop') return loopVerdict(run, model, b, makespan);
  const workers = run.scheduler.workers;
  const avg = (run.utilisation || []).reduce((a, u) => a + u, 0) / Math.max(1, (run.utilisation || []).length);
  const limit = b.criticalPathMs >= (b.totalWorkMs / workers)
    ? 'the critical path (' + seconds(b.criticalPathMs) + ') is the limit, so more workers will not help.'
    : 'the work spread over ' + workers + ' workers (' + seconds(b.totalWorkMs / workers) + ') is the limit: more workers could help.';
  return workers + ' workers were ' + Math.round(avg * 100) + '% busy on average; ' + limit;
}

function loopVerdict(run, model, b, makespan) {
  const tasks = model ? model.order : [];
  const stalls = tasks.filter(t => model.stallOf(t) > 1).map(t => [t.dueMs, t.dueMs + model.stallOf(t), t]);
  const holders = tasks.filter(t => t.kind !== 'io' && t.startMs != null && t.endMs != null);
  let culprit = null, best = 0;
  for (const h of holders) {
    let overlap = 0;
    for (const [from, to] of stalls) overlap += Math.max(0, Math.min(to, h.endMs) - Math.max(from, h.startMs));
    if (overlap > best) { best = overlap; culprit = h; }
  }
  if (culprit) {
    const what = culprit.kind === 'blocking_io' ? 'blocking_io task ' : 'cpu task ';
    const held = seconds(culprit.endMs - culprit.startMs);
    if (stalls.length === 1) {
      return 'The loop was blocked ' + held + ' by ' + what + culprit.id
        + '; a wait that had already finished went unnoticed for ' + seconds(best) + '.';
    }
    const total = stalls.reduce((sum, [from, to]) => sum + (to - from), 0);
    return stalls.length + ' finished waits went unnoticed while the loop was busy (' + seconds(total)
      + ' added up); the worst holder was ' + what + culprit.id + ' (' + held + ' on the loop).';
  }
  const ioCount = tasks.filter(t => t.kind === 'io').length;
  if (!b.loopHoldingWorkMs) {
    return 'All ' + ioCount + ' waits overlapped: ' + seconds(makespan) + ' instead of ' + seconds(b.sequentialMs) + ' one after another.';
  }
  if (ioCount === 0) {
    return 'Async did not help: CPU work runs one piece at a time on the loop (' + seconds(b.totalWorkMs)
      + ' of work took ' + seconds(makespan) + '). Only more cores make it faster.';
  }
  return 'Waits overlapped while the loop worked ' + seconds(b.loopHoldingWorkMs) + ' itself; '
    + 'work that holds the loop is what the event loop cannot speed up.';
}
