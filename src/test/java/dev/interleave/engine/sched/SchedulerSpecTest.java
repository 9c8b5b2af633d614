package dev.interleave.engine.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchedulerSpecTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 65})
    void threadsTakeOneToSixtyFourWorkers(int workers) {
        assertThatThrownBy(() -> new SchedulerSpec.Threads(workers)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threadsDefaultToTheGilAndFourCores() {
        var threads = new SchedulerSpec.Threads(64);
        assertThat(threads.gil()).isTrue();
        assertThat(threads.cores()).isEqualTo(SchedulerSpec.DEFAULT_CORES);
        assertThat(threads.describe()).isEqualTo("threads(64)");
        assertThat(new SchedulerSpec.Threads(2, false, 2).describe()).isEqualTo("threads(2, no GIL)");
    }

    @Test
    void theDefaultExecutorHasMinOf32AndCoresPlusFourThreads() {
        assertThat(new SchedulerSpec.EventLoop().executorThreads()).isEqualTo(8);
        assertThat(new SchedulerSpec.EventLoop(1).executorThreads()).isEqualTo(5);
        assertThat(new SchedulerSpec.EventLoop(100).executorThreads()).isEqualTo(32);
        assertThatThrownBy(() -> new SchedulerSpec.EventLoop(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
