package org.tavern.admin.internal.ssh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailedLoginsTest {

    /** A clock the test moves by hand. */
    private static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anAddressIsRefusedAfterTheLimitUntilItsFailuresAgeOut() {
        StepClock clock = new StepClock();
        FailedLogins failures = new FailedLogins(3, Duration.ofMinutes(10).toMillis(), clock);
        for (int i = 0; i < 2; i++) {
            failures.failed("10.0.0.1");
            clock.now = clock.now.plusSeconds(60);
        }
        assertFalse(failures.refused("10.0.0.1"));
        failures.failed("10.0.0.1");
        assertTrue(failures.refused("10.0.0.1"));
        assertFalse(failures.refused("10.0.0.2"), "another address is not touched");
        // failures while refused do not prolong it: the first ages out 10 minutes after it happened
        failures.failed("10.0.0.1");
        clock.now = clock.now.plusSeconds(8 * 60 + 1);
        assertFalse(failures.refused("10.0.0.1"));
    }

    @Test
    void theAddressesRememberedAreBounded() {
        FailedLogins failures = new FailedLogins(1, Duration.ofHours(1).toMillis(), Clock.systemUTC());
        for (int i = 0; i <= FailedLogins.MAX_ADDRESSES; i++) {
            failures.failed("address-" + i);
        }
        assertFalse(failures.refused("address-0"), "the oldest address is forgotten past the bound");
        assertTrue(failures.refused("address-" + FailedLogins.MAX_ADDRESSES));
    }
}
