// Words and numbers as every island writes them, so that a run reads the same on each page.

/** 3.000 s, 12.50 s, 250 ms, 1.50 ms; an en dash when unknown. */
export function seconds(ms) {
  if (ms == null || Number.isNaN(ms)) return '–';
  return ms >= 1000 ? (ms / 1000).toFixed(ms >= 10000 ? 2 : 3) + ' s' : ms.toFixed(ms < 10 ? 2 : 0) + ' ms';
}

export function schedulerName(s) {
  if (!s) return '';
  if (s.type === 'event_loop') return 'Event loop';
  if (s.type === 'parallel') return 'Parallel · ' + s.workers + ' worker' + (s.workers === 1 ? '' : 's');
  if (s.type === 'threads') {
    return 'Threads · ' + s.workers + ' thread' + (s.workers === 1 ? '' : 's') + (s.gil === false ? ' · no GIL (model)' : ' · GIL');
  }
  return 'Sequential';
}

/** "timed out" for timed_out. */
export function statusWords(status) {
  return String(status || '').replace('_', ' ');
}

/** A run that ended without finishing its graph: what it shows is what happened up to the stop. */
export function stopped(run) {
  return !!run.status && run.status !== 'succeeded' && run.status !== 'running' && run.status !== 'queued';
}
