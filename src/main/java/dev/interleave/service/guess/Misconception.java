package dev.interleave.service.guess;

import static dev.interleave.service.guess.GuessFacts.sumMs;
import static dev.interleave.service.guess.Words.count;
import static dev.interleave.service.guess.Words.duration;

import dev.interleave.engine.graph.Task;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.engine.sched.SchedulerSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every misconception a guess can show, named once. Each rule reads the numbers in {@link GuessFacts} and says,
 * in plain words with the graph's own tasks and durations, what the guess missed; or null when it does not
 * apply. {@link #explain} tries them in declaration order, so the more specific rules come first.
 * {@code MisconceptionTest} has a graph that triggers each rule and one that must not.
 */
public enum Misconception {
    /** A blocking call (time.sleep in async code) was counted as if it overlapped like an await. */
    IGNORED_BLOCKING("ignored-blocking") {
        @Override
        String explain(GuessFacts f) {
            if (!(f.scheduler() instanceof SchedulerSpec.EventLoop)) {
                return null;
            }
            var blocking = f.onLoop(TaskKind.BLOCKING_IO);
            for (Task t : blocking.subList(0, Math.min(MAX_TASKS_TRIED, blocking.size()))) {
                boolean missed = switch (f.kind()) {
                    case MAKESPAN -> f.guessNear(f.whatIf().makespanAsWaitsMs(java.util.Set.of(t.id()), f.scheduler()));
                    case LOOP_BLOCKED -> f.guessNear(f.truthMs() - t.ms());
                    default -> false;
                };
                if (missed) {
                    return holds(t);
                }
            }
            if (f.kind() == QuestionKind.FIRST_TASK && f.wrongPick()) {
                return f.stallOfGuessedTask()
                        .filter(s -> s.holder().kind() == TaskKind.BLOCKING_IO)
                        .map(s -> holds(s.holder()) + "; " + s.waited().id() + "'s wait ended at "
                                + duration(s.waited().dueNanos() / 1e6) + " but it went on only at "
                                + duration(s.waited().resumedNanos() / 1e6))
                        .orElse(null);
            }
            return null;
        }

        private String holds(Task t) {
            return "task " + t.id() + " holds the loop for " + duration(t.ms()) + "; nothing else runs then";
        }
    },
    /** CPU work on the event loop was counted as if await overlapped it. */
    ASYNC_SPEEDS_CPU("async-cpu") {
        @Override
        String explain(GuessFacts f) {
            var cpu = f.onLoop(TaskKind.CPU);
            if (cpu.isEmpty()) {
                return null;
            }
            boolean missed = switch (f.kind()) {
                case MAKESPAN ->
                    f.scheduler() instanceof SchedulerSpec.EventLoop
                            && f.guessNear(f.whatIf().makespanAsWaitsMs(ids(cpu), f.scheduler()));
                case FASTEST_SCHEDULER ->
                    f.wrongPick() && f.guessedScheduler() instanceof SchedulerSpec.EventLoop && cpu.size() >= 2;
                case FIRST_TASK ->
                    f.wrongPick()
                            && f.stallOfGuessedTask()
                                    .filter(s -> s.holder().kind() == TaskKind.CPU)
                                    .isPresent();
                default -> false;
            };
            return missed
                    ? "async does not speed up computation: the " + count(cpu.size(), "cpu task", "cpu tasks")
                            + " (" + duration(sumMs(cpu)) + ") hold the loop one after another; await overlaps"
                            + " only waits"
                    : null;
        }
    },
    /** Threads were expected to compute side by side. */
    GIL_IGNORED("gil") {
        @Override
        String explain(GuessFacts f) {
            var cpu = f.ofKind(TaskKind.CPU);
            if (cpu.size() < 2) {
                return null;
            }
            boolean missed = switch (f.kind()) {
                case MAKESPAN ->
                    f.scheduler() instanceof SchedulerSpec.Threads th
                            && th.gil()
                            && f.guessNear(f.whatIf()
                                    .makespanMs(new SchedulerSpec.Threads(
                                            th.workers(), false, Math.max(th.cores(), th.workers()))));
                case FASTEST_SCHEDULER ->
                    f.wrongPick()
                            && f.guessedScheduler() instanceof SchedulerSpec.Threads th
                            && th.gil()
                            && !(f.fastestScheduler() instanceof SchedulerSpec.Threads);
                default -> false;
            };
            return missed
                    ? "the GIL lets one thread compute at a time: the " + count(cpu.size(), "cpu task", "cpu tasks")
                            + " (" + duration(sumMs(cpu)) + ") run one after another, however many threads there"
                            + " are"
                    : null;
        }
    },
    /** Processes were expected to share one GIL, as threads do. */
    PROCESSES_SERIALISED("processes") {
        @Override
        String explain(GuessFacts f) {
            if (f.kind() != QuestionKind.MAKESPAN
                    || !(f.scheduler() instanceof SchedulerSpec.Parallel p)
                    || p.workers() < 2
                    || f.ofKind(TaskKind.CPU).size() < 2) {
                return null;
            }
            return f.guessNear(f.whatIf().makespanMs(new SchedulerSpec.Threads(p.workers())))
                    ? "each process has its own interpreter and its own GIL: " + p.workers()
                            + " processes compute at the same time, each on its own core"
                    : null;
        }
    },
    /** A Semaphore's bound was left out: everything under it was assumed to run at once. */
    LIMIT_IGNORED("semaphore") {
        @Override
        String explain(GuessFacts f) {
            var g = f.graph();
            if (f.kind() != QuestionKind.MAKESPAN
                    || g.limitCount() == 0
                    || f.scheduler() instanceof SchedulerSpec.Sequential
                    || !f.guessNear(f.whatIf().makespanWithoutLimitsMs(f.scheduler()))) {
                return null;
            }
            int tightest = 0;
            long tightestBound = -1;
            for (int limit = 0; limit < g.limitCount(); limit++) {
                int l = limit;
                long work = g.tasks().stream()
                        .filter(t -> t.limit() == l)
                        .mapToLong(Task::durationNanos)
                        .sum();
                if (work / g.limitValue(limit) > tightestBound) {
                    tightest = limit;
                    tightestBound = work / g.limitValue(limit);
                }
            }
            int l = tightest;
            long under = g.tasks().stream().filter(t -> t.limit() == l).count();
            int k = g.limitValue(tightest);
            return "the Semaphore(" + k + ") '" + g.limitName(tightest) + "' lets " + count(k, "task", "tasks")
                    + " in at a time: its " + under + " tasks take turns";
        }
    },
    /** A pool was assumed to run every ready task at once. */
    WORKERS_IGNORED("workers") {
        @Override
        String explain(GuessFacts f) {
            if (f.kind() != QuestionKind.MAKESPAN) {
                return null;
            }
            int workers;
            SchedulerSpec wider;
            int most = Math.min(f.whatIf().maxWorkers(), f.graph().size());
            if (f.scheduler() instanceof SchedulerSpec.Parallel p && p.workers() < most) {
                workers = p.workers();
                wider = new SchedulerSpec.Parallel(most);
            } else if (f.scheduler() instanceof SchedulerSpec.Threads th && th.workers() < most) {
                workers = th.workers();
                wider = new SchedulerSpec.Threads(most, th.gil(), th.cores());
            } else {
                return null;
            }
            return f.guessNear(f.whatIf().makespanMs(wider))
                    ? count(workers, "worker runs", "workers run") + " at most " + count(workers, "task", "tasks")
                            + " at a time; the others wait in the pool's queue"
                    : null;
        }
    },
    /** The waits were added up as if they ran one after another. */
    ADDED_WAITS("added-waits") {
        @Override
        String explain(GuessFacts f) {
            var io = f.ofKind(TaskKind.IO);
            if (f.kind() != QuestionKind.MAKESPAN
                    || io.size() < 2
                    || f.scheduler() instanceof SchedulerSpec.Sequential) {
                return null;
            }
            double allWork = f.graph().metrics().totalWorkNanos() / 1e6;
            if (!f.guessNear(allWork) && !f.guessNear(sumMs(io))) {
                return null;
            }
            String where = switch (f.scheduler()) {
                case SchedulerSpec.EventLoop loop -> "on the event loop they overlap";
                case SchedulerSpec.Threads th -> count(th.workers(), "thread waits", "threads wait") + " at once";
                case SchedulerSpec.Parallel p -> count(p.workers(), "process waits", "processes wait") + " at once";
                case SchedulerSpec.Sequential s -> throw new IllegalStateException("excluded above");
            };
            return "you added the waits up; " + where + ": the " + io.size() + " waits (" + duration(sumMs(io))
                    + " in all) took " + duration(f.truthMs()) + " together";
        }
    },
    /** Waiting was counted as blocking the loop. */
    WAITS_BLOCK_LOOP("waits-block-loop") {
        @Override
        String explain(GuessFacts f) {
            var io = f.ofKind(TaskKind.IO);
            if (f.kind() != QuestionKind.LOOP_BLOCKED || io.isEmpty()) {
                return null;
            }
            double makespan = f.results().get(0).makespanMillis();
            return f.guessNear(f.truthMs() + sumMs(io)) || f.guessNear(makespan)
                    ? "waiting does not block the loop: while a task awaits, the loop runs the others; only cpu work"
                            + " and blocking calls hold it, " + duration(f.truthMs()) + " here"
                    : null;
        }
    },
    /** Work handed to asyncio.to_thread was counted as holding the loop. */
    OFFLOAD_COUNTED("offload-counted") {
        @Override
        String explain(GuessFacts f) {
            var offloaded = f.graph().tasks().stream()
                    .filter(t -> t.offload() && t.kind() == TaskKind.BLOCKING_IO)
                    .toList();
            if (f.kind() != QuestionKind.LOOP_BLOCKED || offloaded.isEmpty()) {
                return null;
            }
            return f.guessNear(f.truthMs() + sumMs(offloaded))
                    ? "asyncio.to_thread moved " + names(offloaded) + " (" + duration(sumMs(offloaded))
                            + ") to the executor's threads; the loop was free meanwhile"
                    : null;
        }
    };

    /** Per rule, at most this many tasks are tried one by one (largest first): each try is a simulation. */
    static final int MAX_TASKS_TRIED = 5;

    private final String id;

    Misconception(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    abstract String explain(GuessFacts facts);

    /** The first rule that applies, said about this guess. */
    static Optional<Grade.Explanation> first(GuessFacts facts) {
        for (Misconception rule : values()) {
            String text = rule.explain(facts);
            if (text != null) {
                return Optional.of(new Grade.Explanation(rule.id, text));
            }
        }
        return Optional.empty();
    }

    private static java.util.Set<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).collect(Collectors.toCollection(HashSet::new));
    }

    private static String names(List<Task> tasks) {
        return tasks.stream().map(Task::id).collect(Collectors.joining(", "));
    }
}
