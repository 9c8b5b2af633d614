// Canvas timeline of one run: one lane per worker, thread (or the loop and its executor threads), an ms axis, and
// for the event loop the io and Semaphore waits "in flight" beside the lane. Threads add what the GIL does: inside a
// task's bar, the time its thread was ready but did not hold the GIL; below the lanes, a strip of who held it.
// A task waiting for its limit (a Semaphore) is drawn apart from an io wait: inside its bar where it holds a
// worker or thread meanwhile, in the in-flight rows on the loop. Drawn from a RunModel; redraws are coalesced to
// one per animation frame.
// User text (ids, labels) only ever reaches the page through canvas text and the tooltip's textContent.

const COLORS = { cpu: '#5b6ee1', io: '#e8a94a', ioSoft: '#fde7c7', stall: '#d64545', stallSoft: '#fbd5d5',
  blocking: '#9ca3af', blockingDark: '#4b5563', laneBg: '#f3f4f6', axis: '#6b7280', grid: '#e3e6ec',
  critical: '#111827', ghost: '#5b6ee1', gil: '#6d28d9', gilSoft: '#f5f3ff', limit: '#0f766e', limitSoft: '#ccfbf1' };
/** GIL holders by thread (lane), so that the strip tells threads apart; the main thread is grey. */
const HOLDERS = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d', '#dc2626'];
const MAIN_HOLDER = '#6b7280';
const GUTTER = 84, AXIS = 22, LANE_H = 28, LANE_GAP = 6, WAIT_H = 7, WAIT_GAP = 2, MAX_WAIT_ROWS = 14, GIL_H = 12;

import { seconds } from './format.js';

function stripes(ctx, bg, fg, width, angle) {
  const size = 8, c = document.createElement('canvas');
  c.width = size; c.height = size;
  const p = c.getContext('2d');
  p.fillStyle = bg; p.fillRect(0, 0, size, size);
  p.strokeStyle = fg; p.lineWidth = width;
  p.beginPath();
  if (angle > 0) { p.moveTo(0, size); p.lineTo(size, 0); p.moveTo(-size / 2, size / 2); p.lineTo(size / 2, -size / 2);
    p.moveTo(size / 2, size * 1.5); p.lineTo(size * 1.5, size / 2); }
  else { p.moveTo(0, 0); p.lineTo(size, size); p.moveTo(size / 2, -size / 2); p.lineTo(size * 1.5, size / 2);
    p.moveTo(-size / 2, size / 2); p.lineTo(size / 2, size * 1.5); }
  p.stroke();
  return ctx.createPattern(c, 'repeat');
}

/** Vertical bars on a pale ground: waiting for the GIL (ready, not holding it). */
function bars(ctx, bg, fg) {
  const size = 4, c = document.createElement('canvas');
  c.width = size; c.height = size;
  const p = c.getContext('2d');
  p.fillStyle = bg; p.fillRect(0, 0, size, size);
  p.fillStyle = fg; p.fillRect(0, 0, 1.5, size);
  return ctx.createPattern(c, 'repeat');
}

/** Dots on a pale ground: waiting for a limit (a Semaphore). */
function dots(ctx, bg, fg) {
  const size = 6, c = document.createElement('canvas');
  c.width = size; c.height = size;
  const p = c.getContext('2d');
  p.fillStyle = bg; p.fillRect(0, 0, size, size);
  p.fillStyle = fg; p.beginPath(); p.arc(3, 3, 1.3, 0, Math.PI * 2); p.fill();
  return ctx.createPattern(c, 'repeat');
}

function crossHatch(ctx) {
  const size = 8, c = document.createElement('canvas');
  c.width = size; c.height = size;
  const p = c.getContext('2d');
  p.fillStyle = COLORS.blocking; p.fillRect(0, 0, size, size);
  p.strokeStyle = COLORS.blockingDark; p.lineWidth = 1;
  p.beginPath(); p.moveTo(0, 0); p.lineTo(size, size); p.moveTo(size, 0); p.lineTo(0, size); p.stroke();
  return ctx.createPattern(c, 'repeat');
}

function niceStep(rangeMs, px) {
  const target = rangeMs / Math.max(2, Math.floor(px / 90));
  const pow = Math.pow(10, Math.floor(Math.log10(target || 1)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * pow >= target) return m * pow;
  return 10 * pow;
}

export class Timeline {
  constructor(canvas, options = {}) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.compact = !!options.compact;
    this.fixedEndMs = options.endMs || null;
    this.model = null;
    this.predicted = null;
    this.predictedMakespanMs = null;
    this.measuredMakespanMs = null;
    this.critical = new Set();
    this.showCritical = false;
    this.focusId = null;        // a task highlighted by a deep link (#task=b); kept across setRun
    this.clockStart = null;
    this.replayMs = null;       // set by a replay: the time shown, bars in progress grow to it
    this.hits = [];
    this.frame = 0;
    this.patterns = { io: stripes(this.ctx, COLORS.ioSoft, COLORS.io, 2, 1),
      stall: stripes(this.ctx, COLORS.stallSoft, COLORS.stall, 2.5, -1), blocking: crossHatch(this.ctx),
      gil: bars(this.ctx, COLORS.gilSoft, COLORS.gil), limit: dots(this.ctx, COLORS.limitSoft, COLORS.limit) };
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'tooltip';
    this.tooltip.hidden = true;
    canvas.parentElement.appendChild(this.tooltip);
    canvas.addEventListener('mousemove', e => this.hover(e));
    canvas.addEventListener('mouseleave', () => { this.tooltip.hidden = true; });
    new ResizeObserver(() => this.requestDraw()).observe(canvas);
  }

  setRun(model, { predicted = null, predictedMakespanMs = null, criticalPath = [] } = {}) {
    if (model) this.placeholder = null;
    this.model = model;
    this.predicted = predicted;
    this.predictedMakespanMs = predictedMakespanMs;
    this.measuredMakespanMs = null;
    this.critical = new Set(criticalPath || []);
    this.requestDraw();
  }

  finish(measuredMakespanMs, criticalPath) {
    this.measuredMakespanMs = measuredMakespanMs;
    if (criticalPath) this.critical = new Set(criticalPath);
    this.clockStart = null;
    this.requestDraw();
  }

  setCritical(on) { this.showCritical = on; this.requestDraw(); }

  /** The predicted ghost and makespan mark, when they arrive after setRun(); null keeps what is there. */
  setPrediction(predicted, predictedMakespanMs) {
    if (predicted) this.predicted = predicted;
    if (predictedMakespanMs != null) this.predictedMakespanMs = predictedMakespanMs;
    this.requestDraw();
  }

  /** No run to draw: the empty timeline says why. */
  showNothing(text) {
    this.placeholder = text;
    this.setRun(null);
  }

  /** Fixes the right end of the time axis (timelines compared on one axis). */
  setEnd(endMs) { this.fixedEndMs = endMs; this.requestDraw(); }

  /** A replay: shows the run as it was at {@code ms}; {@code measuredMakespanMs} once every event is applied. */
  showAt(ms, measuredMakespanMs) {
    this.replayMs = measuredMakespanMs == null ? ms : null;
    this.measuredMakespanMs = measuredMakespanMs;
    this.requestDraw();
  }

  /** The run ended before its graph did (cancelled, timed out, ...): bars in progress end at the stop. */
  get stopped() { return !!this.model?.finished && this.model.status !== 'succeeded'; }

  /** Runs a wall clock from now until finish(): bars in progress grow to it. */
  startClock() { this.clockStart = performance.now(); this.tick(); }

  tick() {
    if (this.clockStart == null) return;
    this.requestDraw();
    requestAnimationFrame(() => this.tick());
  }

  clockMs() {
    if (!this.model) return 0;
    if (this.replayMs != null) return this.replayMs;
    const wall = this.clockStart == null ? 0 : performance.now() - this.clockStart;
    return Math.max(this.model.nowMs, this.model.finished ? 0 : wall);
  }

  requestDraw() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); });
  }

  endMs() {
    if (this.fixedEndMs) return this.fixedEndMs;
    return Math.max(1, this.clockMs(), this.predictedMakespanMs || 0, this.measuredMakespanMs || 0) * 1.04;
  }

  waitRows(model) {
    // First-fit interval packing of waits into sub-rows beside the loop lane: io waits (from the Semaphore wait
    // before them, if any) and the Semaphore waits of tasks that then hold the loop or an executor thread. Beyond
    // MAX_WAIT_ROWS rows overlap (fan-outs of hundreds stay readable as a density band).
    const rows = [], placed = [];
    const now = this.clockMs();
    const waits = model.order.map(t => {
      const io = t.dueMs != null && t.startMs != null;
      if (!io && t.limitWaitMs == null) return null;
      const from = t.limitWaitMs ?? t.startMs;
      const end = io ? (t.resumedMs ?? Math.max(t.dueMs, now)) : (t.limitTakenMs ?? now);
      return { t, from, end };
    }).filter(Boolean).sort((a, b) => a.from - b.from);
    for (const { t, from, end } of waits) {
      let row = rows.findIndex(r => r <= from);
      if (row < 0) { row = rows.length; rows.push(end); } else rows[row] = end;
      placed.push([t, row % MAX_WAIT_ROWS, end]);
    }
    return { placed, count: Math.min(rows.length, MAX_WAIT_ROWS) };
  }

  /** Threads runs draw who holds the GIL in a strip under the lanes. */
  hasGilStrip(model) {
    return model?.scheduler?.type === 'threads' && model.scheduler.gil !== false;
  }

  layout(width) {
    const model = this.model;
    const lanes = Math.max(1, model?.lanes || 1);
    const waits = model && model.onLoop ? this.waitRows(model) : { placed: [], count: 0 };
    const waitBlock = waits.count ? 14 + waits.count * (WAIT_H + WAIT_GAP) : 0;
    const gilBlock = this.hasGilStrip(model) ? GIL_H + LANE_GAP : 0;
    const height = AXIS + lanes * (LANE_H + LANE_GAP) + gilBlock + waitBlock + 40;
    return { lanes, waits, waitBlock, gilBlock, height, plotW: Math.max(50, width - GUTTER - 12) };
  }

  draw() {
    const width = this.canvas.clientWidth || 600;
    const L = this.layout(width);
    const dpr = window.devicePixelRatio || 1;
    this.canvas.style.height = L.height + 'px';
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(L.height * dpr);
    const ctx = this.ctx;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, L.height);
    ctx.font = '12px Inter, Segoe UI, Helvetica, Arial, sans-serif';
    this.hits = [];
    const end = this.endMs();
    const x = ms => GUTTER + (ms / end) * L.plotW;
    if (!this.model) {
      ctx.fillStyle = COLORS.axis;
      ctx.fillText(this.placeholder || 'Press Run: the timeline grows here live, one lane per worker.', GUTTER, AXIS + 18);
      return;
    }
    this.drawAxis(ctx, L, end, x);
    const laneY = lane => AXIS + lane * (LANE_H + LANE_GAP);
    for (let lane = 0; lane < L.lanes; lane++) {
      ctx.fillStyle = COLORS.laneBg;
      ctx.fillRect(GUTTER, laneY(lane), L.plotW, LANE_H);
      ctx.fillStyle = '#1f2533';
      ctx.font = '600 12px Inter, Segoe UI, Helvetica, Arial, sans-serif';
      ctx.fillText(this.laneName(lane), 6, laneY(lane) + 18);
    }
    ctx.font = '11px Inter, Segoe UI, Helvetica, Arial, sans-serif';
    if (this.predicted) this.drawGhosts(ctx, x, laneY);
    this.drawLaneBars(ctx, x, laneY);
    if (L.gilBlock) this.drawGilStrip(ctx, L, x, laneY(L.lanes));
    if (L.waits.count) this.drawWaits(ctx, L, x, laneY(L.lanes) + L.gilBlock);
    this.drawMakespans(ctx, L, x);
  }

  /** The loop is lane 0 of an event-loop run; its lanes 1 and up are the default executor's threads (to_thread). */
  laneName(lane) {
    const type = this.model.scheduler.type;
    if (type === 'event_loop') return lane === 0 ? 'loop' : 'executor ' + lane;
    if (type === 'sequential') return 'thread';
    if (type === 'threads') return 'thread ' + (lane + 1);
    return 'worker ' + (lane + 1);
  }

  drawAxis(ctx, L, end, x) {
    const step = niceStep(end, L.plotW);
    ctx.fillStyle = COLORS.axis; ctx.strokeStyle = COLORS.grid; ctx.lineWidth = 1;
    for (let t = 0; t <= end; t += step) {
      const px = Math.round(x(t)) + 0.5;
      ctx.beginPath(); ctx.moveTo(px, AXIS - 4); ctx.lineTo(px, L.height - 34); ctx.stroke();
      const text = t === 0 ? '0' : seconds(t);
      ctx.fillText(text, Math.min(px + 2, GUTTER + L.plotW + 10 - ctx.measureText(text).width), 12);
    }
  }

  barFill(t) {
    if (t.kind === 'cpu') return COLORS.cpu;
    if (t.kind === 'blocking_io') return this.patterns.blocking;
    return this.patterns.io;
  }

  drawLaneBars(ctx, x, laneY) {
    const now = this.clockMs();
    const onLoop = this.model.onLoop;
    for (const t of this.model.order) {
      if (t.startMs == null || t.lane < 0) continue;
      if (onLoop && t.kind === 'io') continue;     // on the loop an io wait holds nothing: drawn beside the lane
      // a task cut off by the stop keeps its bar up to the stop, outlined in red as stopped
      const cut = t.endMs == null && t.state === 'cancelled';
      const stopMs = cut ? Math.max(t.startMs, this.measuredMakespanMs ?? this.model.nowMs) : now;
      const endMs = t.endMs ?? stopMs;
      // off the loop a task waiting for its limit already holds its worker or thread: the wait is in its bar
      const startMs = onLoop || t.limitWaitMs == null ? t.startMs : Math.min(t.startMs, t.limitWaitMs);
      const x0 = x(startMs), w = Math.max(1, x(endMs) - x0), y = laneY(t.lane) + 2, h = LANE_H - 4;
      ctx.globalAlpha = this.dimmed(t) ? 0.25 : 1;
      ctx.fillStyle = this.barFill(t);
      ctx.fillRect(x0, y, w, h);
      if (!onLoop && t.limitWaitMs != null) this.fillSpan(ctx, x, this.patterns.limit, t.limitWaitMs, t.limitTakenMs ?? endMs, y, h);
      for (const [from, to] of t.gilWaits) this.fillSpan(ctx, x, this.patterns.gil, from, to ?? endMs, y, h);
      ctx.strokeStyle = '#fff'; ctx.lineWidth = 1; ctx.strokeRect(x0 + 0.5, y + 0.5, w - 1, h - 1);
      if (this.showCritical && this.critical.has(t.id)) {
        ctx.strokeStyle = COLORS.critical; ctx.lineWidth = 2.5; ctx.strokeRect(x0, y, w, h);
      }
      if (cut) { ctx.strokeStyle = COLORS.stall; ctx.lineWidth = 2; ctx.setLineDash([4, 2]); ctx.strokeRect(x0 + 1, y + 1, w - 2, h - 2); ctx.setLineDash([]); }
      if (t.id === this.focusId) { ctx.strokeStyle = '#111827'; ctx.lineWidth = 2.5; ctx.strokeRect(x0, y, w, h); }
      this.label(ctx, t, x0, y, w, h, t.kind === 'cpu' && !t.gilWaits.length ? '#fff' : '#111827');
      ctx.globalAlpha = 1;
      this.hits.push({ x: x0, y, w, h, task: t, part: cut ? 'stopped' : 'work' });
    }
  }

  /** Fills [fromMs, toMs] of a bar; a span under a pixel is drawn a pixel wide only if it is the first there. */
  fillSpan(ctx, x, fill, fromMs, toMs, y, h) {
    const x0 = x(fromMs), x1 = x(toMs);
    if (x1 <= x0) return;
    ctx.fillStyle = fill;
    ctx.fillRect(x0, y, Math.max(0.75, x1 - x0), h);
  }

  /** Who held the GIL: one segment per hold, coloured by thread; the main thread (submitting tasks) in grey. */
  drawGilStrip(ctx, L, x, top) {
    ctx.fillStyle = '#1f2533';
    ctx.font = '600 11px Inter, Segoe UI, Helvetica, Arial, sans-serif';
    ctx.fillText('GIL held by', 6, top + GIL_H - 2);
    ctx.font = '11px Inter, Segoe UI, Helvetica, Arial, sans-serif';
    ctx.fillStyle = COLORS.laneBg;
    ctx.fillRect(GUTTER, top, L.plotW, GIL_H);
    const now = this.clockMs();
    let lastPx = -1;
    for (const hold of this.model.gilHolds) {
      const toMs = hold.toMs ?? (this.measuredMakespanMs ?? now);
      const x0 = x(hold.fromMs), x1 = x(toMs);
      if (x1 - x0 < 0.5 && Math.floor(x0) === lastPx) continue;   // a sub-pixel hold where one is drawn already
      lastPx = Math.floor(x0);
      ctx.fillStyle = hold.lane < 0 ? MAIN_HOLDER : HOLDERS[hold.lane % HOLDERS.length];
      ctx.fillRect(x0, top, Math.max(0.75, x1 - x0), GIL_H);
      if (x1 - x0 > 14) {
        ctx.fillStyle = '#fff';
        ctx.fillText(hold.lane < 0 ? 'main' : String(hold.lane + 1), x0 + 3, top + GIL_H - 2);
      }
      this.hits.push({ x: x0, y: top, w: Math.max(2, x1 - x0), h: GIL_H, hold: { ...hold, toMs } });
    }
  }

  /** Highlights one task (outlined, the others dimmed); null clears it. */
  focus(taskId) {
    this.focusId = taskId || null;
    this.requestDraw();
  }

  dimmed(t) {
    return (this.showCritical && !this.critical.has(t.id)) || (this.focusId != null && t.id !== this.focusId);
  }

  label(ctx, t, x0, y, w, h, color) {
    const text = t.id + (t.kind !== 'cpu' ? ' ' + t.kind : '');
    if (w < 24) return;
    ctx.save();
    ctx.beginPath(); ctx.rect(x0, y, w, h); ctx.clip();
    if (t.kind !== 'cpu') { ctx.fillStyle = 'rgba(255,255,255,.85)'; ctx.fillRect(x0 + 2, y + h / 2 - 7, Math.min(w - 4, ctx.measureText(text).width + 6), 14); }
    ctx.fillStyle = color;
    ctx.fillText(text, x0 + 5, y + h / 2 + 4);
    ctx.restore();
  }

  drawWaits(ctx, L, x, top) {
    ctx.fillStyle = COLORS.axis;
    ctx.fillText('in flight', 6, top + 10);
    const now = this.clockMs();
    for (const [t, row, endMs] of L.waits.placed) {
      const y = top + 12 + row * (WAIT_H + WAIT_GAP);
      ctx.globalAlpha = this.dimmed(t) ? 0.25 : 1;
      if (t.limitWaitMs != null) {
        // waiting for the Semaphore: before its io wait, or before it holds the loop or an executor thread
        const taken = t.limitTakenMs ?? now;
        this.fillSpan(ctx, x, this.patterns.limit, t.limitWaitMs, taken, y, WAIT_H);
        this.hits.push({ x: x(t.limitWaitMs), y, w: Math.max(2, x(taken) - x(t.limitWaitMs)), h: WAIT_H, task: t, part: 'limit' });
      }
      if (t.dueMs != null && t.startMs != null) this.drawIoWait(ctx, L, x, t, y, endMs, now);
      ctx.globalAlpha = 1;
    }
  }

  drawIoWait(ctx, L, x, t, y, endMs, now) {
    const due = Math.min(t.dueMs, Math.max(now, t.resumedMs ?? 0));
    const x0 = x(t.startMs), xd = x(due);
    ctx.fillStyle = this.patterns.io;
    ctx.fillRect(x0, y, Math.max(1, xd - x0), WAIT_H);
    this.hits.push({ x: x0, y, w: Math.max(2, xd - x0), h: WAIT_H, task: t, part: 'wait' });
    const stallEnd = t.resumedMs ?? (now > t.dueMs ? now : null);
    if (stallEnd != null && stallEnd - t.dueMs > 0.5) {
      const xs = x(stallEnd);
      ctx.fillStyle = this.patterns.stall;
      ctx.fillRect(xd, y - 1, Math.max(2, xs - xd), WAIT_H + 2);
      this.hits.push({ x: xd, y, w: Math.max(3, xs - xd), h: WAIT_H, task: t, part: 'stall' });
    }
    if (this.showCritical && this.critical.has(t.id)) {
      ctx.strokeStyle = COLORS.critical; ctx.lineWidth = 1.5; ctx.strokeRect(x0, y, x(endMs) - x0, WAIT_H);
    }
    if (L.waits.count <= 4 && xd - x0 > 60) {
      ctx.fillStyle = '#92400e';
      ctx.fillText(t.id, x(endMs) + 4, y + WAIT_H);
    }
  }

  drawGhosts(ctx, x, laneY) {
    ctx.save();
    ctx.setLineDash([3, 2]); ctx.strokeStyle = COLORS.ghost; ctx.lineWidth = 1;
    for (const t of this.predicted.order) {
      if (t.startMs == null || t.endMs == null || t.lane < 0) continue;
      if (this.predicted.onLoop && t.kind === 'io') continue;
      const x0 = x(t.startMs), w = Math.max(1, x(t.endMs) - x0);
      ctx.strokeRect(x0 + 0.5, laneY(t.lane) + 0.5, w - 1, LANE_H - 1);
    }
    ctx.restore();
  }

  drawMakespans(ctx, L, x) {
    const bottom = L.height - 34;
    const mark = (ms, dashed, color, text, dy) => {
      const px = Math.round(x(ms)) + 0.5;
      ctx.save();
      ctx.strokeStyle = color; ctx.lineWidth = 1.5; if (dashed) ctx.setLineDash([4, 3]);
      ctx.beginPath(); ctx.moveTo(px, AXIS - 2); ctx.lineTo(px, bottom); ctx.stroke();
      ctx.restore();
      ctx.fillStyle = color;
      const w = ctx.measureText(text).width;
      ctx.fillText(text, Math.min(px - w / 2, L.plotW + GUTTER - w), bottom + 12 + dy);
    };
    const measured = this.measuredMakespanMs ?? (this.clockStart != null || this.replayMs != null ? this.clockMs() : null);
    const close = measured != null && this.predictedMakespanMs != null
      && Math.abs(x(measured) - x(this.predictedMakespanMs)) < 150;
    if (this.predictedMakespanMs != null) {
      mark(this.predictedMakespanMs, true, '#4338ca', 'predicted ' + seconds(this.predictedMakespanMs), close ? 13 : 0);
    }
    if (this.measuredMakespanMs != null && this.stopped) mark(measured, false, COLORS.stall, 'stopped at ' + seconds(measured), 0);
    else if (this.measuredMakespanMs != null) mark(measured, false, '#111827', 'measured ' + seconds(measured), 0);
    else if (measured != null) mark(measured, false, '#1d4ed8', 't = ' + seconds(measured), 0);
  }

  hover(e) {
    const rect = this.canvas.getBoundingClientRect();
    const mx = e.clientX - rect.left, my = e.clientY - rect.top;
    let hit = null;
    for (let i = this.hits.length - 1; i >= 0; i--) {
      const h = this.hits[i];
      if (mx >= h.x && mx <= h.x + h.w && my >= h.y - 1 && my <= h.y + h.h + 1) { hit = h; break; }
    }
    if (!hit) { this.tooltip.hidden = true; return; }
    if (hit.hold) { this.showTip(rect, mx, my, this.holdWords(hit.hold)); return; }
    const t = hit.task;
    const lines = [t.id + ' · ' + t.kind + (t.label ? ' · ' + t.label : ''),
      'ready ' + seconds(t.readyMs) + ' · start ' + seconds(t.startMs) + ' · end ' + seconds(t.endMs)];
    if (t.readyMs != null && t.startMs != null) lines.push('waited for a lane/the loop ' + seconds(Math.max(0, t.startMs - t.readyMs)));
    if (t.dueMs != null) lines.push('io wait until ' + seconds(t.dueMs) + ' · stall ' + seconds(this.model.stallOf(t)));
    if (t.limitWaitMs != null) lines.push('waited for limit ' + (t.limit || '') + ' (a Semaphore) ' + seconds(this.model.limitWaitOf(t)));
    if (t.gilWaits.length) lines.push('waited for the GIL ' + seconds(this.model.gilWaitOf(t)) + ' (ready, not holding it)');
    if (t.offload && this.model.onLoop) lines.push('offloaded: await asyncio.to_thread(...) on executor ' + t.lane);
    if (hit.part === 'stopped') lines.push('stopped: the run ended before this task did');
    this.showTip(rect, mx, my, lines);
  }

  holdWords(hold) {
    const who = hold.lane < 0 ? 'the main thread (submitting tasks)' : 'thread ' + (hold.lane + 1) + (hold.task ? ' (' + hold.task + ')' : '');
    return ['GIL held by ' + who, seconds(hold.fromMs) + ' to ' + seconds(hold.toMs)];
  }

  showTip(rect, mx, my, lines) {
    this.tooltip.textContent = lines.join('\n');
    this.tooltip.hidden = false;
    this.tooltip.style.left = Math.min(mx + 12, rect.width - 260) + 'px';
    this.tooltip.style.top = (my + 14) + 'px';
  }
}
