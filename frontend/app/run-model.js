// What a run looks like so far, folded from its events (EventView, contract.md) in seq order.
// Invariant: apply() is called with events in increasing seq; anything already seen is ignored, so a replay
// that overlaps live frames never double-counts.

/** The thread an event is about: its lane, or -1 (the main thread) when it names none. */
function laneOf(e) {
  return typeof e.lane === 'number' ? e.lane : -1;
}

export class RunModel {
  constructor(graph, scheduler) {
    this.scheduler = scheduler || { type: 'event_loop' };
    this.lanes = this.scheduler.type === 'parallel' || this.scheduler.type === 'threads' ? (this.scheduler.workers || 1) : 1;
    this.tasks = new Map();
    this.order = [];
    this.lastSeq = -1;
    this.nowMs = 0;
    this.finished = false;
    this.status = 'running';
    this.deltas = [];          // [tMs, readyDelta, inFlightDelta] for the loop-internals chart
    // Threads: who held the GIL, [{ lane, task, fromMs, toMs }] in the order taken (toMs null while held); the
    // open hold of each lane. A lane of -1 is the main thread (it submits tasks and needs the GIL to do so).
    this.gilHolds = [];
    this.openHold = new Map();
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
      task.limit = typeof spec.limit === 'string' ? spec.limit : null;
      task.offload = spec.offload === true;
    }
  }

  task(id) {
    let t = this.tasks.get(id);
    if (!t) {
      t = { id, kind: 'cpu', label: '', after: [], lane: -1, readyMs: null, startMs: null, endMs: null,
            dueMs: null, seenMs: null, resumedMs: null, state: 'pending', sleeping: false,
            // [[fromMs, toMs | null]]: ready to run Python but not holding the GIL (threads)
            gilWaits: [],
            // waiting for its limit (a Semaphore): from limit_wait to limit_taken (null while it waits)
            limit: null, limitWaitMs: null, limitTakenMs: null };
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
      // the GIL (threads): a thread asks for it, gets it, lets it go; each event names the thread (lane)
      case 'gil_wait':
        if (t) t.gilWaits.push([e.tMs, null]);
        break;
      case 'gil_taken': {
        if (t) { const open = t.gilWaits[t.gilWaits.length - 1]; if (open && open[1] == null) open[1] = e.tMs; }
        const hold = { lane: laneOf(e), task: e.task ?? null, fromMs: e.tMs, toMs: null };
        this.gilHolds.push(hold);
        this.openHold.set(hold.lane, hold);
        break;
      }
      case 'gil_released': {
        const hold = this.openHold.get(laneOf(e));
        if (hold) { hold.toMs = e.tMs; this.openHold.delete(hold.lane); }
        break;
      }
      case 'limit_wait':
        t.limitWaitMs = e.tMs;
        if (e.limit) t.limit = e.limit;
        break;
      case 'limit_taken':
        if (t.limitWaitMs == null) t.limitWaitMs = e.tMs;
        t.limitTakenMs = e.tMs;
        break;
      default:
        break;
    }
  }

  /** Time the task was ready to run Python but did not hold the GIL, up to {@code nowMs} for an open wait. */
  gilWaitOf(t, nowMs = this.nowMs) {
    return t.gilWaits.reduce((sum, [from, to]) => sum + Math.max(0, (to ?? nowMs) - from), 0);
  }

  /** Time the task waited for its limit (a Semaphore), up to {@code nowMs} while it still waits. */
  limitWaitOf(t, nowMs = this.nowMs) {
    if (t.limitWaitMs == null) return 0;
    return Math.max(0, (t.limitTakenMs ?? nowMs) - t.limitWaitMs);
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
