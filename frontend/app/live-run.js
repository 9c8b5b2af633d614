// Feeds one run's stream into a RunModel and its Timeline, applying queued events in slices per animation frame
// so that 10,000 events never block the page.
import { RunModel } from './run-model.js';

const EVENTS_PER_FRAME = 4000;

export class LiveRun {
  constructor(timeline, graph, scheduler) {
    this.timeline = timeline;
    this.model = new RunModel(graph, scheduler);
    this.queue = [];
    this.scheduled = false;
    this.onDrained = null;
  }

  push(events) {
    for (const e of events) this.queue.push(e);
    if (!this.scheduled) { this.scheduled = true; requestAnimationFrame(() => this.drain()); }
  }

  drain() {
    this.scheduled = false;
    this.model.apply(this.queue.splice(0, EVENTS_PER_FRAME));
    this.timeline.requestDraw();
    if (this.queue.length) { this.scheduled = true; requestAnimationFrame(() => this.drain()); }
    else if (this.onDrained) { const done = this.onDrained; this.onDrained = null; done(); }
  }

  /** Calls back once every queued event has been applied. */
  whenDrained(callback) {
    if (!this.queue.length && !this.scheduled) callback(); else this.onDrained = callback;
  }
}
