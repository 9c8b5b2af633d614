package dev.interleave.service.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.engine.run.RunEvent;
import dev.interleave.engine.run.RunStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunEventsTest {

    private final RunEvents hub = new RunEvents(new SimpleMeterRegistry());

    /** Records first..last seq of each batch and whether it was told the run finished. */
    private static class Recorder implements RunWatcher {
        final List<Long> seqs = new ArrayList<>();
        boolean finished;

        @Override
        public void onEvents(EventBatch batch) {
            for (long s = batch.firstSeq(); s <= batch.lastSeq(); s++) {
                seqs.add(s);
            }
        }

        @Override
        public void onFinished() {
            finished = true;
        }
    }

    private static List<RunEvent> ready(long from, long to) {
        var list = new ArrayList<RunEvent>();
        for (long s = from; s <= to; s++) {
            list.add(new RunEvent.TaskReady(s, s * 1000, -1, "t" + s));
        }
        return list;
    }

    @Test
    void earlyAndLateWatchersSeeEveryEventOnceInOrder() {
        hub.open("r");
        var early = new Recorder();
        hub.watch("r", early);
        hub.publish("r", ready(0, 4));
        var late = new Recorder();
        hub.watch("r", late);
        hub.publish("r", ready(5, 9));
        hub.publish("r", List.of(new RunEvent.RunFinished(10, 11_000, -1, RunStatus.SUCCEEDED, null)));
        hub.close("r");
        var expected = java.util.stream.LongStream.rangeClosed(0, 10).boxed().toList();
        assertThat(early.seqs).isEqualTo(expected);
        assertThat(late.seqs).isEqualTo(expected);
        assertThat(early.finished).isTrue();
        assertThat(late.finished).isTrue();
        assertThat(hub.watch("r", new Recorder()))
                .as("closed runs are read from the store")
                .isNull();
    }

    @Test
    void aCancelledWatchGetsNothingMore() {
        hub.open("r2");
        var watcher = new Recorder();
        var watch = hub.watch("r2", watcher);
        hub.publish("r2", ready(0, 1));
        watch.cancel();
        hub.publish("r2", ready(2, 3));
        hub.close("r2");
        assertThat(watcher.seqs).containsExactly(0L, 1L);
        assertThat(watcher.finished).isFalse();
    }

    @Test
    void batchesAfterASeqAreWhatACheckpointSaves() {
        hub.open("r3");
        hub.publish("r3", ready(0, 2));
        hub.publish("r3", ready(3, 5));
        assertThat(hub.after("r3", 2)).extracting(EventBatch::firstSeq).containsExactly(3L);
        assertThat(hub.after("r3", 2).get(0).eventsJson()).contains("\"seq\":3").contains("\"type\":\"task_ready\"");
        hub.close("r3");
    }

    @Test
    void aLargeEngineBatchIsPublishedAsFramesOfAtMostMaxEvents() {
        hub.open("r4");
        var sizes = new ArrayList<Long>();
        var watcher = new Recorder() {
            @Override
            public void onEvents(EventBatch batch) {
                super.onEvents(batch);
                sizes.add(batch.lastSeq() - batch.firstSeq() + 1);
            }
        };
        hub.watch("r4", watcher);
        int n = 2 * EventBatch.MAX_EVENTS + 7;
        hub.publish("r4", ready(0, n - 1));
        hub.close("r4");
        assertThat(sizes).containsExactly((long) EventBatch.MAX_EVENTS, (long) EventBatch.MAX_EVENTS, 7L);
        assertThat(watcher.seqs)
                .isEqualTo(java.util.stream.LongStream.range(0, n).boxed().toList());
    }
}
