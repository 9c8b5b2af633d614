// The class stream (/ws/classes/{id}): hands each dashboard or student frame to onFrame, and reconnects after a
// dropped connection (not after a refusal: close code 1008 means this browser is not in the class).
export function followClass(classId, onFrame, onStatus) {
  let stopped = false;
  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(scheme + '//' + location.host + '/ws/classes/' + encodeURIComponent(classId));
    socket.addEventListener('message', e => {
      const frame = JSON.parse(e.data);
      if (frame.frame === 'error') onStatus(frame.detail || frame.title, true);
      else onFrame(frame);
    });
    socket.addEventListener('close', e => {
      if (stopped || e.code === 1008) return;
      onStatus('Connection lost; reconnecting…', false);
      setTimeout(connect, 1000);
    });
  };
  connect();
  return () => { stopped = true; };
}

/** A question in words, e.g. "How long does it take on the event loop? (ms)". */
export function questionText(q) {
  if (q.prompt) return q.prompt;
  const on = q.scheduler ? ' on ' + schedulerName(q.scheduler) : '';
  switch (q.kind) {
    case 'makespan': return 'How long does the whole graph take' + on + '? (ms)';
    case 'loop_blocked': return 'How long is the event loop blocked? (ms)';
    case 'fastest_scheduler': return 'Which scheduler finishes first?';
    case 'first_task': return 'Which task finishes first' + on + '?';
    case 'last_task': return 'Which task finishes last' + on + '?';
    default: return q.kind;
  }
}

export function schedulerName(s) {
  const names = { sequential: 'sequential', event_loop: 'the event loop', parallel: 'parallel', threads: 'threads' };
  return (names[s.type] || s.type) + (s.workers ? ' (' + s.workers + ' workers)' : '');
}
