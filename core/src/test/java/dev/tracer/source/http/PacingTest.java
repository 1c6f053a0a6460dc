package dev.tracer.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The token bucket and the backoff every live source shares, on an injected clock and seeded randomness. */
class PacingTest {
    @Test
    void callsAreSpacedToTheRate() throws InterruptedException {
        long[] now = {0};
        RateLimiter l = new RateLimiter(4, () -> now[0], d -> now[0] += d.toNanos());
        for (int i = 0; i < 21; i++) {
            l.acquire(1);
        }
        // a full bucket of four at the start, then four per second: 17 more take 4.25 s
        assertThat(now[0]).isBetween(4_200_000_000L, 4_300_000_000L);
    }

    @Test
    void aBatchIsChargedPerCall() throws InterruptedException {
        long[] now = {0};
        RateLimiter l = new RateLimiter(10, () -> now[0], d -> now[0] += d.toNanos());
        l.acquire(1);
        l.acquire(30);
        // nine permits left of the full bucket of ten; the other 21 take 2.1 s
        assertThat(now[0]).isBetween(2_050_000_000L, 2_150_000_000L);
    }

    @Test
    void aRateMustBePositiveAndFinite() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new RateLimiter(bad, () -> 0, d -> { })).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(bad));
        }
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUnderTheCap() {
        Backoff b = new Backoff(Duration.ofNanos(100), Duration.ofNanos(1000), new Random(3));
        for (int k = 1; k <= 70; k++) {
            long ceiling = k > 10 ? 1000 : Math.min(1000, 100L << (k - 1));
            for (int i = 0; i < 50; i++) {
                assertThat(b.delay(k, Optional.empty()).toNanos()).isBetween(0L, ceiling);
            }
        }
        // Retry-After honoured up to 4 × cap; a server asking for less does not shorten the jitter's wait below zero
        assertThat(b.delay(1, Optional.of(Duration.ofNanos(5000)))).isEqualTo(Duration.ofNanos(4000));
        assertThat(b.delay(1, Optional.of(Duration.ofDays(100_000_000)))).isEqualTo(Duration.ofNanos(4000));
        Backoff x = new Backoff(Duration.ofNanos(100), Duration.ofNanos(1000), new Random(3));
        Backoff y = new Backoff(Duration.ofNanos(100), Duration.ofNanos(1000), new Random(3));
        assertThat(x.delay(3, Optional.empty())).isEqualTo(y.delay(3, Optional.empty()));
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.delay(0, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
