// Deep links into a replay (shared page and embed view): #t=1.25&task=b opens it at 1.25 s (seconds, as the time
// slider reads) with task b highlighted on every timeline. A value that cannot be read is ignored: the replay then
// opens at the end, as it does without a link.
export function openDeepLink(hash, show, timelines, status) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const said = [];
  const seconds = Number(params.get('t'));
  if (params.get('t') && Number.isFinite(seconds) && seconds >= 0) {
    show(seconds * 1000);
    said.push('at ' + seconds + ' s');
  }
  const task = params.get('task');
  if (task) {
    for (const timeline of timelines) timeline.focus(task);
    said.push('task ' + task + ' highlighted');
  }
  if (said.length) status.textContent += ' Opened ' + said.join(', ') + ' (from the link).';
}
