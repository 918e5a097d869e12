package io.marquee.recommendation.because;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.marquee.recommendation.config.RecommendationsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Each caller's seeds of their last "because you watched" answer, in this replica, so the next
 * answer can start the seeds' similar-items calls while it reads the history, instead of after.
 * Only a guess: an answer uses the calls only if the history it reads names the same seeds, so a
 * wrong or old guess costs calls, never freshness. Bounded ({@code recommendations.because.remembered-callers}),
 * least recently used go first.
 */
@ApplicationScoped
public class SeedGuesses {

    /** Seeds depend on the caller and the row count; the calls' sizes on the row length too. */
    record Key(String user, int rows, int perRow) {
    }

    private final boolean enabled;
    private final Cache<Key, List<String>> seeds;

    @Inject
    SeedGuesses(RecommendationsConfig config) {
        this(config.because().rememberedCallers());
    }

    SeedGuesses(long maxCallers) {
        this.enabled = maxCallers > 0;
        this.seeds = Caffeine.newBuilder().maximumSize(Math.max(1, maxCallers)).build();
    }

    /** Last time's seeds for {@code key}, or none. */
    List<String> of(Key key) {
        List<String> kept = seeds.getIfPresent(key);
        return kept == null ? List.of() : kept;
    }

    void remember(Key key, List<String> used) {
        if (enabled) {
            seeds.put(key, List.copyOf(used));
        }
    }

    void forget(Key key) {
        seeds.invalidate(key);
    }
}
