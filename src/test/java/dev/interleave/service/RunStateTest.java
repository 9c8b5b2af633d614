package dev.interleave.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interleave.engine.run.RunStatus;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The run state machine allows exactly the transitions written on {@link RunState}, and refuses the others. */
class RunStateTest {

    @Test
    void aQueuedRunStartsOrEndsWithoutRunning() {
        assertThat(Arrays.stream(RunState.values()).filter(RunState.QUEUED::canBecome))
                .containsExactlyInAnyOrder(RunState.RUNNING, RunState.CANCELLED, RunState.FAILED, RunState.INTERRUPTED);
        assertThat(RunState.QUEUED.to(RunState.RUNNING)).isEqualTo(RunState.RUNNING);
    }

    @Test
    void aRunningRunEndsInAnyFinalState() {
        assertThat(Arrays.stream(RunState.values()).filter(RunState.RUNNING::canBecome))
                .containsExactlyInAnyOrder(
                        RunState.SUCCEEDED,
                        RunState.FAILED,
                        RunState.CANCELLED,
                        RunState.TIMED_OUT,
                        RunState.INTERRUPTED);
    }

    @Test
    void illegalTransitionsAreRefused() {
        assertThatThrownBy(() -> RunState.QUEUED.to(RunState.SUCCEEDED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("queued")
                .hasMessageContaining("succeeded");
        assertThatThrownBy(() -> RunState.RUNNING.to(RunState.QUEUED)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RunState.RUNNING.to(RunState.RUNNING)).isInstanceOf(IllegalStateException.class);
        for (var finished : EnumSet.complementOf(EnumSet.copyOf(RunState.UNFINISHED))) {
            for (var next : RunState.values()) {
                assertThat(finished.canBecome(next))
                        .as(finished + " -> " + next)
                        .isFalse();
                assertThatThrownBy(() -> finished.to(next)).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void onlyQueuedAndRunningAreUnfinished() {
        assertThat(Arrays.stream(RunState.values()).filter(s -> !s.isFinal()))
                .containsExactlyInAnyOrder(RunState.QUEUED, RunState.RUNNING);
    }

    @Test
    void theStatesAConditionalUpdateMayLeaveAreThoseThatCanBecomeTheTarget() {
        assertThat(RunState.before(RunState.RUNNING)).containsExactly(RunState.QUEUED);
        assertThat(RunState.before(RunState.INTERRUPTED)).containsExactly(RunState.QUEUED, RunState.RUNNING);
        assertThat(RunState.before(RunState.SUCCEEDED)).containsExactly(RunState.RUNNING);
        assertThat(RunState.before(RunState.QUEUED)).isEmpty();
    }

    @Test
    void wireNamesAreTheContractsAndReadBack() {
        assertThat(Arrays.stream(RunState.values()).map(RunState::wireName))
                .containsExactly("queued", "running", "succeeded", "failed", "cancelled", "timed_out", "interrupted");
        for (var s : RunState.values()) {
            assertThat(RunState.fromWireName(s.wireName())).isEqualTo(s);
        }
        assertThatThrownBy(() -> RunState.fromWireName("done")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyEngineOutcomeHasTheStateOfTheSameName() {
        for (var ended : RunStatus.values()) {
            assertThat(RunState.of(ended).wireName()).isEqualTo(ended.wireName());
            assertThat(RunState.RUNNING.canBecome(RunState.of(ended))).isTrue();
        }
    }
}
