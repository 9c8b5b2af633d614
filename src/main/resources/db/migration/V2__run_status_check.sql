-- A run's status is one of RunState's wire names (service/RunState.java); any other value is a bug, refused here.
-- Comparisons have no status column: theirs is derived from their runs.
alter table runs add constraint runs_status_known check (
    status in ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out', 'interrupted'));
