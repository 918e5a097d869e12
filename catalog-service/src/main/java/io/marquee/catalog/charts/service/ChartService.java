package io.marquee.catalog.charts.service;

import io.marquee.catalog.config.CatalogConfig;
import io.marquee.catalog.item.service.ItemChanged;
import io.marquee.catalog.item.service.KnownGenre;
import io.marquee.catalog.stats.service.Entry;
import io.marquee.catalog.stats.service.Ranking;
import io.marquee.catalog.stats.service.StatsService;
import io.marquee.catalog.stats.service.Totals;
import io.marquee.catalog.web.ReadCache;
import io.marquee.catalog.web.ReadCaches;
import io.marquee.common.catalog.Genres;
import io.marquee.common.problem.Problem;
import io.marquee.common.problem.ProblemException;
import io.marquee.common.web.QueryNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Charts read the ranked indexes of the stats table, through {@link StatsService}: the first rows
 * of one index partition, so the cost is the same for any catalog size. A genre chart keeps that genre's rows among the
 * first {@code catalog.charts.genre-read-limit} rows of the index. Top-rated and trending scores depend on catalog-wide
 * figures that move on (the mean rating, the newest event time), so a few more rows than asked
 * are read and re-scored with today's figures before the cut.
 * <p>
 * A computed chart is kept per chart, genre and limit for {@code catalog.cache.chart-ttl} and
 * reloaded in the background while it is read, so chart readers do not wait on DynamoDB; an item
 * written through this instance drops them all at once, since its title or genres may show (ADR 10).
 */
@ApplicationScoped
public class ChartService {

    public static final String MOST_VIEWED = "most-viewed";
    public static final String TOP_RATED = "top-rated";
    public static final String TRENDING = "trending";
    static final List<String> NAMES = List.of(MOST_VIEWED, TOP_RATED, TRENDING);
    /** Re-scored charts read this many rows beyond three times the limit, at most {@link #MAX_READ}. */
    static final int EXTRA_READ = 20;
    static final int MAX_READ = 400;

    private final StatsService stats;
    private final CatalogConfig config;
    private final ReadCache<Key, Chart> charts;

    public ChartService(StatsService stats, CatalogConfig config, ReadCaches caches) {
        this.stats = stats;
        this.config = config;
        this.charts = caches.create("catalog-charts", config.cache().chartTtl(), config.cache().maxCharts(),
                this::compute);
    }

    /** One chart as asked for, after validation: genre canonical or null. */
    private record Key(String name, String genre, int size) {
    }

    /** The item's title shows in charts and its genres decide the genre charts it is in. */
    void itemChanged(@Observes ItemChanged changed) {
        charts.invalidateAll();
    }

    public Chart chart(String name, String genre, String limit) {
        if (!NAMES.contains(name)) {
            throw ProblemException.notFound("No chart named " + name + "; charts are " + String.join(", ", NAMES));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String canonical = null;
        if (genre != null && !genre.isEmpty()) {
            canonical = Genres.canonical(genre).orElse(null);
            if (canonical == null) {
                errors.add(new Problem.FieldError("genre", KnownGenre.MESSAGE));
            }
        }
        int max = config.charts().maxSize();
        int size = config.charts().defaultSize();
        if (limit != null && !limit.isEmpty()) {
            Integer parsed = QueryNumbers.inRange(limit, 1, max);
            if (parsed == null) {
                errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to " + max));
            } else {
                size = parsed;
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return charts.get(new Key(name, canonical, size));
    }

    private Chart compute(Key key) {
        String genreFilter = key.genre();
        int size = key.size();
        int maxRead = Math.max(size, config.charts().genreReadLimit());
        List<ChartEntry> items = switch (key.name()) {
            case MOST_VIEWED -> ranked(stats.top(Ranking.VIEWS, genreFilter, size, maxRead), Entry::views, size);
            case TOP_RATED -> {
                Totals totals = stats.totals();
                yield ranked(stats.top(Ranking.TOP_RATED, genreFilter, readFor(size), maxRead),
                        e -> stats.topRatedScore(e, totals), size);
            }
            default -> {
                Totals totals = stats.totals();
                yield ranked(stats.top(Ranking.TRENDING, genreFilter, readFor(size), maxRead),
                        e -> stats.trendingScore(e, totals), size);
            }
        };
        return new Chart(key.name(), genreFilter, items);
    }

    private static int readFor(int size) {
        return Math.min(MAX_READ, size * 3 + EXTRA_READ);
    }

    private static List<ChartEntry> ranked(List<Entry> rows, ToDoubleFunction<Entry> score, int size) {
        record Scored(Entry entry, double score) {
        }
        return rows.stream().filter(Entry::inCatalog)
                .map(e -> new Scored(e, score.applyAsDouble(e)))
                .filter(s -> s.score() > 0)
                .sorted(Comparator.comparingDouble(Scored::score).reversed()
                        .thenComparing(s -> s.entry().itemId()))
                .limit(size)
                .map(s -> new ChartEntry(s.entry().itemId(), s.entry().title(), s.entry().year(),
                        s.entry().genres(), s.entry().stats(), s.score()))
                .toList();
    }
}
