package dev.tracer.source.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The token bucket and the backoff, on an injected clock and seeded randomness. */
class RateLimiterTest {
    @Test
    void callsAreSpacedToTheRate() throws InterruptedException {
        long[] now = {0};
        RateLimiter l = new RateLimiter(4, () -> now[0], n -> now[0] += n);
        for (int i = 0; i < 21; i++) {
            l.acquire(1);
        }
        // a full bucket of four at the start, then four per second: 17 more take 4.25 s
        assertThat(now[0]).isBetween(4_200_000_000L, 4_300_000_000L);
    }

    @Test
    void aBatchIsChargedPerCall() throws InterruptedException {
        long[] now = {0};
        RateLimiter l = new RateLimiter(10, () -> now[0], n -> now[0] += n);
        l.acquire(1);
        l.acquire(30);
        // nine permits left of the full bucket of ten; the other 21 take 2.1 s
        assertThat(now[0]).isBetween(2_050_000_000L, 2_150_000_000L);
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUnderTheCap() {
        Backoff b = new Backoff(100, 1000, new Random(3));
        for (int k = 1; k <= 10; k++) {
            long ceiling = Math.min(1000, 100L << (k - 1));
            for (int i = 0; i < 50; i++) {
                assertThat(b.delayNanos(k, 0)).isBetween(0L, ceiling);
            }
        }
        assertThat(b.delayNanos(1, 5000)).isEqualTo(4000); // Retry-After honoured up to 4 × cap
        Backoff x = new Backoff(100, 1000, new Random(3));
        Backoff y = new Backoff(100, 1000, new Random(3));
        assertThat(x.delayNanos(3, 0)).isEqualTo(y.delayNanos(3, 0));
    }

    @Test
    void endpointsAreRedacted() {
        Endpoint e = Endpoint.parse("--rpc", "https://user:pw@eth.example.org:8545/v3/abcdef0123456789?key=zzz");
        assertThat(e.redacted()).isEqualTo("https://eth.example.org:8545/***");
        assertThat(e.scrub("failed https://user:pw@eth.example.org:8545/v3/abcdef0123456789?key=zzz: /v3/abcdef0123456789"))
                .doesNotContain("abcdef0123456789").doesNotContain("zzz").doesNotContain("pw");
        assertThat(Endpoint.parse("--rpc", "http://127.0.0.1:8545").redacted()).isEqualTo("http://127.0.0.1:8545");
    }
}
