// The run's WebSocket (contract.md): a "run"/"comparison" frame, "events" batches (full replay then live, in
// seq order), a "summary" frame and a normal close; or an "error" frame then close. A few lines instead of the
// htmx ws extension, which is not available as a Maven artifact.

export function openStream(path, handlers) {
  const url = new URL(path, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(url);
  let summarised = false;
  socket.addEventListener('message', message => {
    let frame;
    try { frame = JSON.parse(message.data); } catch { return; }
    // On a comparison stream each run ends with its own summary (with runId); only the last one, carrying the
    // comparison, ends the stream.
    if (frame.frame === 'summary' && (frame.comparison || !path.includes('/comparisons/'))) summarised = true;
    handlers[frame.frame]?.(frame);
  });
  socket.addEventListener('close', event => {
    if (!summarised) handlers.lost?.(event);
  });
  return socket;
}
