// What a run looks like so far, folded from its events (EventView, contract.md) in seq order.
// Invariant: apply() is called with events in increasing seq; anything already seen is ignored, so a replay
// that overlaps live frames never double-counts.

export class RunModel {
  constructor(graph, scheduler) {
    this.scheduler = scheduler || { type: 'event_loop' };
    this.lanes = this.scheduler.type === 'parallel' ? (this.scheduler.workers || 1) : 1;
    this.tasks = new Map();
    this.order = [];
    this.lastSeq = -1;
    this.nowMs = 0;
    this.finished = false;
    this.status = 'running';
    this.deltas = [];          // [tMs, readyDelta, inFlightDelta] for the loop-internals chart
    this.setGraph(graph);
  }

  setGraph(graph) {
    this.graph = graph || { tasks: [] };
    for (const spec of this.graph.tasks || []) {
      if (!spec || typeof spec.id !== 'string') continue;
      const task = this.task(spec.id);
      task.kind = spec.kind;
      task.label = spec.label || '';
      task.after = Array.isArray(spec.after) ? spec.after : [];
      task.ms = spec.ms;
    }
  }

  task(id) {
    let t = this.tasks.get(id);
    if (!t) {
      t = { id, kind: 'cpu', label: '', after: [], lane: -1, readyMs: null, startMs: null, endMs: null,
            dueMs: null, seenMs: null, resumedMs: null, state: 'pending', sleeping: false };
      this.tasks.set(id, t);
      this.order.push(t);
    }
    return t;
  }

  get onLoop() { return this.scheduler.type === 'event_loop'; }

  apply(events) {
    for (const e of events) {
      if (e.seq <= this.lastSeq) continue;
      this.lastSeq = e.seq;
      if (typeof e.tMs === 'number' && e.tMs > this.nowMs) this.nowMs = e.tMs;
      this.applyOne(e);
    }
  }

  applyOne(e) {
    const t = e.task != null ? this.task(e.task) : null;
    switch (e.type) {
      case 'run_started':
        if (e.lanes) this.lanes = e.lanes;
        break;
      case 'task_ready':
        t.readyMs = e.tMs;
        break;
      // The loop chart counts asyncio's ready callbacks: a task's first step (created -> started), a wake-up
      // after an awaited task finished (its end -> resumed), a due timer (due -> resumed; counted from due,
      // because from then on only a busy loop keeps it waiting).
      case 'task_created':
        if (t.after.length === 0) t.readyMs = e.tMs;
        this.deltas.push([e.tMs, 1, 0]);
        break;
      case 'task_started':
        this.deltas.push([e.tMs, -1, 0]);
        break;
      case 'work_started':
        t.startMs = e.tMs; t.lane = e.lane; t.state = 'running';
        break;
      case 'timer_armed':
        t.startMs = e.tMs; t.lane = e.lane; t.dueMs = e.dueMs; t.sleeping = true; t.state = 'waiting';
        this.deltas.push([e.tMs, 0, 1]);
        break;
      case 'timer_due':
        t.seenMs = e.tMs;
        this.deltas.push([e.dueMs ?? e.tMs, 1, -1]);
        break;
      case 'task_resumed':
        if (t.sleeping && e.awaited == null) {
          t.resumedMs = e.tMs; t.sleeping = false;
          this.deltas.push([e.tMs, -1, 0]);
        } else if (e.awaited != null) {
          const awaited = this.tasks.get(e.awaited);
          this.deltas.push([awaited?.endMs ?? e.tMs, 1, 0], [e.tMs, -1, 0]);
          if (this.lastDependencyDone(t)) t.readyMs = this.readyFromDeps(t);
        }
        break;
      case 'task_finished':
        t.endMs = e.tMs; t.state = 'finished';
        if (t.lane < 0 && e.lane >= 0) t.lane = e.lane;
        break;
      case 'task_failed':
        t.endMs = e.tMs; t.state = 'failed';
        break;
      case 'task_cancelled':
        t.state = 'cancelled';
        break;
      case 'run_finished':
        this.finished = true;
        this.status = e.status || 'succeeded';
        break;
      default:
        break;
    }
  }

  lastDependencyDone(t) {
    return t.after.every(id => this.tasks.get(id)?.endMs != null);
  }

  readyFromDeps(t) {
    let ready = 0;
    for (const id of t.after) {
      const dep = this.tasks.get(id);
      if (!dep || dep.endMs == null) return null;
      ready = Math.max(ready, dep.endMs);
    }
    return ready;
  }

  /** Stall of an io task on the loop: due -> resumed (or -> now while it is still unnoticed). */
  stallOf(t) {
    if (t.dueMs == null) return 0;
    const until = t.resumedMs ?? (t.seenMs != null || this.nowMs > t.dueMs ? this.nowMs : null);
    return until == null ? 0 : Math.max(0, until - t.dueMs);
  }

  /** Step series for the loop chart: [{t, ready, inFlight}] sorted by time. */
  loopSeries() {
    const sorted = [...this.deltas].sort((a, b) => a[0] - b[0]);
    const points = [{ t: 0, ready: 0, inFlight: 0 }];
    let ready = 0, inFlight = 0;
    for (const [t, dr, df] of sorted) {
      ready = Math.max(0, ready + dr); inFlight = Math.max(0, inFlight + df);
      points.push({ t, ready, inFlight });
    }
    return points;
  }

  /** Bars for the predicted ghost: same shape as measured, from a RunView's TaskView list. */
  static fromTaskViews(taskViews, scheduler, graph) {
    const model = new RunModel(graph, scheduler);
    for (const v of taskViews || []) {
      const t = model.task(v.id);
      Object.assign(t, { kind: v.kind || t.kind, lane: v.lane ?? -1, readyMs: v.readyMs, startMs: v.startMs,
        endMs: v.endMs, dueMs: v.dueMs, resumedMs: v.resumedMs, seenMs: v.callbackMs, state: v.state });
      if (v.endMs != null && v.endMs > model.nowMs) model.nowMs = v.endMs;
    }
    model.finished = true;
    return model;
  }
}
