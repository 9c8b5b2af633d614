// Small step chart of the event loop's internals over time: ready callbacks waiting for the loop (solid) and
// io waits in flight (dashed). Two signals, told apart by line style and a text legend, not only by colour.

export function drawLoopChart(canvas, points, endMs) {
  const width = canvas.clientWidth || 300, height = canvas.clientHeight || 110;
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * dpr); canvas.height = Math.round(height * dpr);
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const max = Math.max(1, ...points.map(p => Math.max(p.ready, p.inFlight)));
  const left = 28, bottom = height - 14, top = 6, plotW = width - left - 6;
  const x = t => left + (t / Math.max(1, endMs)) * plotW;
  const y = v => bottom - (v / max) * (bottom - top);
  ctx.font = '10px Inter, Segoe UI, sans-serif'; ctx.fillStyle = '#6b7280';
  ctx.fillText(String(max), 4, top + 8); ctx.fillText('0', 14, bottom);
  ctx.strokeStyle = '#e3e6ec'; ctx.beginPath(); ctx.moveTo(left, bottom + 0.5); ctx.lineTo(left + plotW, bottom + 0.5); ctx.stroke();
  const series = (key, color, dash) => {
    ctx.save(); ctx.strokeStyle = color; ctx.lineWidth = 2; ctx.setLineDash(dash);
    ctx.beginPath(); ctx.moveTo(x(0), y(0));
    let last = 0;
    for (const p of points) { ctx.lineTo(x(p.t), y(last)); ctx.lineTo(x(p.t), y(p[key])); last = p[key]; }
    ctx.lineTo(x(endMs), y(last));
    ctx.stroke(); ctx.restore();
  };
  series('ready', '#5b6ee1', []);
  series('inFlight', '#c2410c', [5, 3]);
}
