package io.marquee.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pacing of the demo history's publishing, on a clock the test moves. */
class PaceTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> slept = new ArrayList<>();

    private Pace pace(double perSecond) {
        return new Pace(perSecond, now::get, nanos -> {
            slept.add(nanos);
            now.addAndGet(nanos);
        });
    }

    @Test
    void sendsAheadOfTheRateWaitUntilTheRateAllowsThem() throws InterruptedException {
        Pace pace = pace(5_000);
        now.addAndGet(500_000_000L); // 0.5 s after the start...
        pace.after(10_000);          // ...10,000 sends are due at 2 s
        assertThat(slept).containsExactly(1_500_000_000L);
    }

    @Test
    void sendsBehindTheRateDoNotWait() throws InterruptedException {
        Pace pace = pace(5_000);
        now.addAndGet(3_000_000_000L);
        pace.after(10_000);
        assertThat(slept).isEmpty();
    }

    @Test
    void noRateNeverWaits() throws InterruptedException {
        Pace pace = pace(0);
        pace.after(1_000_000);
        assertThat(slept).isEmpty();
    }
}
