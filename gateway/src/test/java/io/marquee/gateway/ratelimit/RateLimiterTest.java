package io.marquee.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token buckets on a hand-driven clock: no Quarkus, no sleeping. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aRestedClientMayBurstUpToTheCapacityThenWaitsForTheRefill() {
        RateLimiter limiter = new RateLimiter(config(true, 3, 1, Duration.ofSeconds(10), 100), now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(RouteClass.AUTH, "a")).isZero();
        }
        assertThat(limiter.acquire(RouteClass.AUTH, "a")).isEqualTo(10);
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(limiter.acquire(RouteClass.AUTH, "a")).isEqualTo(6);
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(limiter.acquire(RouteClass.AUTH, "a")).isZero();
        assertThat(limiter.acquire(RouteClass.AUTH, "a")).isPositive();
    }

    @Test
    void clientsAndRouteClassesHaveSeparateBuckets() {
        RateLimiter limiter = new RateLimiter(config(true, 1, 1, Duration.ofMinutes(1), 100), now::get);
        assertThat(limiter.acquire(RouteClass.AUTH, "a")).isZero();
        assertThat(limiter.acquire(RouteClass.AUTH, "a")).isPositive();
        assertThat(limiter.acquire(RouteClass.AUTH, "b")).isZero();
        assertThat(limiter.acquire(RouteClass.READ, "a")).isZero();
    }

    @Test
    void aDisabledLimiterLetsEverythingPass() {
        RateLimiter limiter = new RateLimiter(config(false, 1, 1, Duration.ofHours(1), 100), now::get);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire(RouteClass.WRITE, "a")).isZero();
        }
    }

    @Test
    void pastTheClientBoundIdleClientsAreForgottenButBusyOnesKeepTheirCount() {
        RateLimiter limiter = new RateLimiter(config(true, 2, 1, Duration.ofSeconds(1), 3), now::get);
        limiter.acquire(RouteClass.READ, "busy");
        limiter.acquire(RouteClass.READ, "busy");
        limiter.acquire(RouteClass.READ, "idle-1");
        now.addAndGet(Duration.ofMillis(1500).toNanos());
        // idle-1 is full again; busy regained one token only.
        limiter.acquire(RouteClass.READ, "new-1");
        assertThat(limiter.acquire(RouteClass.READ, "busy")).isZero();
        assertThat(limiter.acquire(RouteClass.READ, "busy")).isPositive();
    }

    @Test
    void eachReplicaCountsOnItsOwn() {
        // The documented contract (ADR 19): limits are per replica; N replicas grant up to N times each.
        RateLimiter replicaA = new RateLimiter(config(true, 2, 1, Duration.ofHours(1), 100), now::get);
        RateLimiter replicaB = new RateLimiter(config(true, 2, 1, Duration.ofHours(1), 100), now::get);
        int granted = 0;
        for (int i = 0; i < 10; i++) {
            granted += replicaA.acquire(RouteClass.AUTH, "client") == 0 ? 1 : 0;
            granted += replicaB.acquire(RouteClass.AUTH, "client") == 0 ? 1 : 0;
        }
        assertThat(granted).isEqualTo(2 * 2);
    }

    @Test
    void aFloodOfNewClientsNeverResetsABusyClientsCount() {
        RateLimiter limiter = new RateLimiter(config(true, 2, 1, Duration.ofHours(1), 3), now::get);
        limiter.acquire(RouteClass.AUTH, "guesser");
        limiter.acquire(RouteClass.AUTH, "guesser");
        assertThat(limiter.acquire(RouteClass.AUTH, "guesser")).isPositive();
        // Thousands of fresh addresses, none idle: they share an overflow bucket...
        for (int i = 0; i < 5_000; i++) {
            limiter.acquire(RouteClass.AUTH, "fresh-" + i);
        }
        assertThat(limiter.acquire(RouteClass.AUTH, "yet-another")).isPositive();
        // ...and the guesser is still throttled (clearing everything at the bound used to free it).
        assertThat(limiter.acquire(RouteClass.AUTH, "guesser")).isPositive();
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareABucketIpv4AddressesDoNot() {
        assertThat(AddressGroups.of("2001:db8:1:2:aaaa::1")).isEqualTo(AddressGroups.of("2001:db8:1:2:ffff:1:2:3"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(AddressGroups.of("2001:db8:1:3::1")).isNotEqualTo(AddressGroups.of("2001:db8:1:2::1"));
        assertThat(AddressGroups.of("192.0.2.1")).isEqualTo("192.0.2.1").isNotEqualTo(AddressGroups.of("192.0.2.2"));
        assertThat(AddressGroups.of("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(AddressGroups.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(AddressGroups.of("not:an:address:at:all:zz")).isEqualTo("not:an:address:at:all:zz");
    }

    @Test
    void signUpHasABucketOfItsOwn() {
        RateLimiter limiter = new RateLimiter(config(true, 1, 1, Duration.ofHours(1), 100), now::get);
        assertThat(limiter.acquire(RouteClass.SIGNUP, "a")).isZero();
        assertThat(limiter.acquire(RouteClass.SIGNUP, "a")).isPositive();
        assertThat(limiter.acquire(RouteClass.AUTH, "a")).isZero();
    }

    private static RateLimitConfig config(boolean enabled, long capacity, long refill, Duration period, int maxClients) {
        RateLimitConfig.Limit limit = new RateLimitConfig.Limit() {
            @Override
            public long capacity() {
                return capacity;
            }

            @Override
            public long refill() {
                return refill;
            }

            @Override
            public Duration period() {
                return period;
            }
        };
        return new RateLimitConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public int maxClients() {
                return maxClients;
            }

            @Override
            public Limit auth() {
                return limit;
            }

            @Override
            public Limit signup() {
                return limit;
            }

            @Override
            public Limit read() {
                return limit;
            }

            @Override
            public Limit write() {
                return limit;
            }

            @Override
            public Limit events() {
                return limit;
            }
        };
    }
}
