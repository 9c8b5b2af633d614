package dev.interleave.service.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interleave.service.ServiceException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Issue 15, item 7: simulations are metered per client address (a token bucket), on a clock the test moves. */
class SimulationQuotaTest {

    private final AtomicLong nanos = new AtomicLong();
    private final SimulationQuota quota = new SimulationQuota(2, 4, nanos::get);

    @Test
    void aBurstIsAllowedThenTheAddressWaitsForTheRate() {
        for (int i = 0; i < 4; i++) {
            quota.spend("198.51.100.7", 1);
        }
        assertThatThrownBy(() -> quota.spend("198.51.100.7", 1))
                .isInstanceOfSatisfying(ServiceException.Busy.class, busy -> {
                    assertThat(busy.problem()).isEqualTo("too-many-simulations");
                    assertThat(busy.retryAfter()).isEqualTo(Duration.ofMillis(500)); // one token at 2 per second
                });
        quota.spend("203.0.113.1", 4); // another address has its own budget
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        quota.spend("198.51.100.7", 1);
        assertThatThrownBy(() -> quota.spend("198.51.100.7", 1)).isInstanceOf(ServiceException.Busy.class);
    }

    @Test
    void anIdleAddressRefillsOnlyUpToTheBurst() {
        quota.spend("198.51.100.7", 4);
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        quota.spend("198.51.100.7", 4);
        assertThatThrownBy(() -> quota.spend("198.51.100.7", 1)).isInstanceOf(ServiceException.Busy.class);
    }
}
