package io.marquee.catalog.web;

import io.quarkus.test.junit.QuarkusMock;
import jakarta.enterprise.inject.Vetoed;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stopped clock for the read caches during one {@code @QuarkusTest} method: entries age only
 * when the test moves it, so what is served from memory, and for how long, is checked without
 * waiting. Every cache is emptied when it is put in (entries made under the real clock would look
 * fresh to it), and it runs an hour behind the real clock, so whatever it leaves behind looks
 * expired to later tests.
 */
@Vetoed
public class ManualCacheClock extends CacheTicker {

    private final AtomicLong nanos = new AtomicLong(System.nanoTime() - Duration.ofHours(1).toNanos());

    /** Replaces the caches' clock until the end of the current test, with every cache emptied. */
    public static ManualCacheClock install(ReadCaches caches) {
        ManualCacheClock clock = new ManualCacheClock();
        QuarkusMock.installMockForType(clock, CacheTicker.class);
        caches.invalidateAll();
        return clock;
    }

    @Override
    public long read() {
        return nanos.get();
    }

    public void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
