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

    /** A one-run job of {@code ownerId}, all from one address (the limits these tests check are per owner). */
    private static RunAdmission.Claim one(String ownerId) {
        return new RunAdmission.Claim(ownerId, "192.0.2.1", 1);
    }

    @Test
    void runsAtMostKAtOnceThenFifoAndRefusesWhenTheQueueIsFull() throws Exception {
        var admission = new RunAdmission(2, 2, 10, 10, 1.0, Duration.ofSeconds(3));
        var started = new CopyOnWriteArrayList<String>();
        var release = new CountDownLatch(1);
        for (String name : List.of("a", "b", "c", "d")) {
            admission.activate(admission.reserve(name, one("owner-" + name)), job(name, started, release));
        }
        org.awaitility.Awaitility.await().until(() -> started.size() == 2);
        assertThat(started).containsExactlyInAnyOrder("a", "b");
        assertThat(admission.running()).isEqualTo(2);
        assertThat(admission.queued()).isEqualTo(2);
        assertThatThrownBy(() -> admission.reserve("e", one("owner-e")))
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
        var admission = new RunAdmission(2, 10, 1, 2, 1.0, Duration.ofSeconds(1));
        var started = new CopyOnWriteArrayList<String>();
        var release = new CountDownLatch(1);
        admission.activate(admission.reserve("x1", one("x")), job("x1", started, release));
        admission.activate(admission.reserve("x2", one("x")), job("x2", started, release));
        admission.activate(admission.reserve("y1", one("y")), job("y1", started, release));
        org.awaitility.Awaitility.await().until(() -> started.size() == 2);
        assertThat(started).containsExactlyInAnyOrder("x1", "y1");
        admission.reserve("x3", one("x"));
        assertThatThrownBy(() -> admission.reserve("x4", one("x"))).isInstanceOf(ServiceException.Busy.class);
        assertThat(admission.removeQueued("x3")).isTrue();
        release.countDown();
        org.awaitility.Awaitility.await().until(() -> started.size() == 3);
        assertThat(started.get(2)).isEqualTo("x2");
    }

    @Test
    void anAbandonedReservationFreesItsPlace() {
        var admission = new RunAdmission(1, 1, 1, 1, 1.0, Duration.ofSeconds(1));
        var ticket = admission.reserve("a", one("o"));
        assertThatThrownBy(() -> admission.reserve("b", one("p"))).isInstanceOf(ServiceException.Busy.class);
        admission.abandon(ticket);
        assertThat(admission.queued()).isZero();
        admission.reserve("b", one("p"));
    }

    /**
     * Issue 15, item 1: 66 requests with rotated cookies filled the 64-place queue and locked everyone out. Owners
     * are cheap; the address is not, and it gets a share of the queue.
     */
    @Test
    void rotatedOwnersFromOneAddressGetOnlyTheAddressShareOfTheQueue() {
        int queueSize = 8;
        var admission = new RunAdmission(1, queueSize, 2, 2, 0.5, Duration.ofSeconds(1));
        int accepted = 0;
        for (int i = 0; i < queueSize; i++) {
            try {
                admission.reserve("r" + i, new RunAdmission.Claim("rotated-" + i, "198.51.100.7", 1));
                accepted++;
            } catch (ServiceException.Busy refused) {
                assertThat(refused.getMessage()).contains("network");
            }
        }
        assertThat(accepted).isEqualTo(queueSize / 2);
        admission.reserve("other", new RunAdmission.Claim("someone-else", "203.0.113.9", 1));
        assertThat(admission.queued()).isEqualTo(queueSize / 2 + 1);
    }

    /** A class behind one school NAT: many owners on one address share half the queue, not a low cap. */
    @Test
    void manyOwnersBehindOneAddressStillGetTheWholeShare() {
        int queueSize = 64;
        int perOwnerQueued = 8;
        var admission = new RunAdmission(2, queueSize, 2, perOwnerQueued, 0.5, Duration.ofSeconds(1));
        for (int student = 0; student < queueSize / 2; student++) {
            admission.reserve("s" + student, new RunAdmission.Claim("student-" + student, "192.0.2.200", 1));
        }
        assertThat(admission.queued()).isEqualTo(queueSize / 2).isGreaterThan(perOwnerQueued);
    }

    /** A free slot goes to the address served longest ago, so a busy address cannot starve a quiet one. */
    @Test
    void freeSlotsGoRoundRobinAcrossAddresses() throws Exception {
        var admission = new RunAdmission(1, 10, 10, 10, 1.0, Duration.ofSeconds(1));
        var started = new CopyOnWriteArrayList<String>();
        var release = new CountDownLatch(1);
        for (String name : List.of("a1", "a2", "a3")) {
            admission.activate(
                    admission.reserve(name, new RunAdmission.Claim("a", "198.51.100.1", 1)),
                    job(name, started, release));
        }
        admission.activate(
                admission.reserve("b1", new RunAdmission.Claim("b", "198.51.100.2", 1)), job("b1", started, release));
        org.awaitility.Awaitility.await().until(() -> started.size() == 1);
        release.countDown();
        org.awaitility.Awaitility.await().until(() -> started.size() == 4);
        assertThat(started).containsExactly("a1", "b1", "a2", "a3");
        org.awaitility.Awaitility.await().until(() -> admission.running() == 0);
    }

    /** A comparison runs its schedulers one after another: each counts against the queue and the owner's limit. */
    @Test
    void aComparisonTakesAQueuePlacePerScheduler() {
        var admission = new RunAdmission(1, 8, 2, 8, 1.0, Duration.ofSeconds(1));
        var comparison = admission.reserve("c", new RunAdmission.Claim("o", "192.0.2.1", 8));
        assertThat(admission.queued()).isEqualTo(8);
        assertThatThrownBy(() -> admission.reserve("r", new RunAdmission.Claim("p", "192.0.2.2", 1)))
                .isInstanceOf(ServiceException.Busy.class);
        assertThat(admission.removeQueued("c")).isTrue();
        assertThat(admission.queued()).isZero();
        var small = new RunAdmission(1, 8, 2, 2, 1.0, Duration.ofSeconds(1));
        assertThatThrownBy(() -> small.reserve("c3", new RunAdmission.Claim("o", "192.0.2.1", 3)))
                .isInstanceOf(ServiceException.Busy.class);
        assertThat(comparison).isNotNull();
    }
}
