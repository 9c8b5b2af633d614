package dev.interleave.engine.run;

/** Stable wire names of {@link RunEvent} types (snake_case, as in the JSON stream). */
final class EventTypes {

    private EventTypes() {}

    static String nameOf(RunEvent event) {
        return switch (event) {
            case RunEvent.RunStarted e -> "run_started";
            case RunEvent.TaskReady e -> "task_ready";
            case RunEvent.TaskCreated e -> "task_created";
            case RunEvent.TaskStarted e -> "task_started";
            case RunEvent.WorkStarted e -> "work_started";
            case RunEvent.TimerArmed e -> "timer_armed";
            case RunEvent.TimerDue e -> "timer_due";
            case RunEvent.TimerCallbackRun e -> "timer_callback";
            case RunEvent.TaskResumed e -> "task_resumed";
            case RunEvent.TaskFinished e -> "task_finished";
            case RunEvent.TaskFailed e -> "task_failed";
            case RunEvent.TaskCancelled e -> "task_cancelled";
            case RunEvent.GilWait e -> "gil_wait";
            case RunEvent.GilTaken e -> "gil_taken";
            case RunEvent.GilReleased e -> "gil_released";
            case RunEvent.LimitWait e -> "limit_wait";
            case RunEvent.LimitTaken e -> "limit_taken";
            case RunEvent.LoopPass e -> "loop_pass";
            case RunEvent.RunFinished e -> "run_finished";
        };
    }
}
