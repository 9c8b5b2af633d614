package dev.interleave.service.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interleave.service.ServiceException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunAdmissionTest {

    /** A job that records its start and waits for the test to release it. */
    private static Runnable job(String name, List<String> started, CountDownLatch release) {
        return () -> {
            started.add(name);
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Test
    void runsAtMostKAtOnceThenFifoAndRefusesWhenTheQueueIsFull() throws Exception {
        var admission = new RunAdmission(2, 2, 10, 10, Duration.ofSeconds(3));
        var started = new CopyOnWriteArrayList<String>();
        var release = new CountDownLatch(1);
        for (String name : List.of("a", "b", "c", "d")) {
            admission.activate(admission.reserve(name, "owner-" + name), job(name, started, release));
        }
        org.awaitility.Awaitility.await().until(() -> started.size() == 2);
        assertThat(started).containsExactlyInAnyOrder("a", "b");
        assertThat(admission.running()).isEqualTo(2);
        assertThat(admission.queued()).isEqualTo(2);
        assertThatThrownBy(() -> admission.reserve("e", "owner-e"))
                .isInstanceOfSatisfying(
                        ServiceException.Busy.class,
                        busy -> assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
        release.countDown();
        org.awaitility.Awaitility.await().until(() -> started.size() == 4);
        assertThat(started.subList(2, 4)).containsExactlyInAnyOrder("c", "d");
        org.awaitility.Awaitility.await().until(() -> admission.running() == 0);
    }

    @Test
    void anOwnerAtItsConcurrentLimitIsPassedOverAndItsQueueIsBounded() throws Exception {
        var admission = new RunAdmission(2, 10, 1, 2, Duration.ofSeconds(1));
        var started = new CopyOnWriteArrayList<String>();
        var release = new CountDownLatch(1);
        admission.activate(admission.reserve("x1", "x"), job("x1", started, release));
        admission.activate(admission.reserve("x2", "x"), job("x2", started, release));
        admission.activate(admission.reserve("y1", "y"), job("y1", started, release));
        org.awaitility.Awaitility.await().until(() -> started.size() == 2);
        assertThat(started).containsExactlyInAnyOrder("x1", "y1");
        admission.reserve("x3", "x");
        assertThatThrownBy(() -> admission.reserve("x4", "x")).isInstanceOf(ServiceException.Busy.class);
        assertThat(admission.removeQueued("x3")).isTrue();
        release.countDown();
        org.awaitility.Awaitility.await().until(() -> started.size() == 3);
        assertThat(started.get(2)).isEqualTo("x2");
    }

    @Test
    void anAbandonedReservationFreesItsPlace() {
        var admission = new RunAdmission(1, 1, 1, 1, Duration.ofSeconds(1));
        var ticket = admission.reserve("a", "o");
        assertThatThrownBy(() -> admission.reserve("b", "p")).isInstanceOf(ServiceException.Busy.class);
        admission.abandon(ticket);
        assertThat(admission.queued()).isZero();
        admission.reserve("b", "p");
    }
}
