package io.marquee.recommendation.because;

import io.marquee.common.concurrent.Futures;
import io.marquee.recommendation.caller.Caller;
import io.marquee.recommendation.caller.RatedItems;
import io.marquee.recommendation.caller.RecentTitles;
import io.marquee.recommendation.enrich.Catalog;
import io.marquee.recommendation.enrich.CatalogItem;
import io.marquee.recommendation.enrich.RecommendationList;
import io.marquee.recommendation.enrich.RecommendedItem;
import io.marquee.recommendation.fallback.Fallback;
import io.marquee.recommendation.personalize.CampaignAnswer;
import io.marquee.recommendation.personalize.CampaignUnavailable;
import io.marquee.recommendation.personalize.Campaigns;
import io.marquee.recommendation.personalize.Scored;
import io.marquee.recommendation.source.Sources;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * "Because you watched": one row of similar titles per recent title of the caller (user-service's
 * history, viewed and rated), without rated titles, the seeds themselves, or a title an earlier
 * row already shows. A seed whose similar-items call fails gets a row from the top-rated chart of
 * its genre.
 *
 * <p>Cost of one answer: user-service's history and the caller's rated titles read together, then
 * one similar-items call per seed, all at once ({@link BecauseCalls}); for a caller asked for
 * before, those calls start with the history read, for last time's seeds ({@link SeedGuesses}),
 * and are asked again only if the history names other seeds; then one catalog batch read
 * of the seeds and of the titles the rows can show (each seed's first {@code perRow + }{@value #SLACK}
 * titles not excluded and not taken by an earlier row), not of everything the campaign answered.
 * A second batch read happens only when that was not enough (titles the catalog does not know, a
 * fallback row taking a title a later row had in view); it reads the rest of the remaining rows'
 * answers, so rows are always what they would be with every title looked up.
 */
@ApplicationScoped
public class BecauseService {

    static final String NO_HISTORY = "history:empty";
    /** Titles looked up beyond a row's length, for titles the catalog turns out not to know. */
    static final int SLACK = 3;

    private final Campaigns campaigns;
    private final RecentTitles recent;
    private final RatedItems rated;
    private final Catalog catalog;
    private final Fallback fallback;
    private final BecauseCalls calls;
    private final SeedGuesses guesses;

    public BecauseService(Campaigns campaigns, RecentTitles recent, RatedItems rated, Catalog catalog,
                          Fallback fallback, BecauseCalls calls, SeedGuesses guesses) {
        this.campaigns = campaigns;
        this.recent = recent;
        this.rated = rated;
        this.catalog = catalog;
        this.fallback = fallback;
        this.calls = calls;
        this.guesses = guesses;
    }

    public BecauseYouWatched rows(Caller caller, int rows, int perRow) {
        // Independent reads, together; a user without history costs one rated-titles read more
        // (usually kept in memory, RatedSets) rather than making everyone wait for one after the other.
        CompletableFuture<Set<String>> ratedTitles = calls.start(() -> rated.of(caller));
        // The seeds are usually the caller's seeds of last time: their similar-items calls start as
        // soon as the rated titles are known, while user-service's history (the slowest read of an
        // answer, docs/benchmarks.md) is still on its way. They are used only if the history names
        // exactly those seeds; the rows are always made from the history read now.
        SeedGuesses.Key key = new SeedGuesses.Key(caller.id(), rows, perRow);
        List<String> guessed = guesses.of(key);
        CompletableFuture<List<CompletableFuture<Similar>>> early = guessed.isEmpty() ? null
                : ratedTitles.thenApply(titles -> ask(guessed, excluded(titles, guessed), perRow));
        List<String> seeds = recent.of(caller).stream().limit(rows).toList();
        if (seeds.isEmpty()) {
            guesses.forget(key);
            return new BecauseYouWatched(NO_HISTORY, List.of());
        }
        Set<String> excluded = excluded(Futures.join(ratedTitles), seeds);
        List<CompletableFuture<Similar>> asked = early != null && seeds.equals(guessed)
                ? Futures.join(early) : ask(seeds, excluded, perRow);
        guesses.remember(key, seeds);
        List<Similar> answers = asked.stream().map(Futures::join).toList();

        return build(seeds, answers, excluded, perRow, catalog::lookup,
                (why, genre, without) -> fallback.topRated(why, genre, null, without, perRow));
    }

    private static Set<String> excluded(Set<String> ratedTitles, List<String> seeds) {
        Set<String> excluded = new HashSet<>(ratedTitles);
        excluded.addAll(seeds);
        return excluded;
    }

    /** One similar-items call per seed, all at once; the same seeds and exclusions always ask the same. */
    private List<CompletableFuture<Similar>> ask(List<String> seeds, Set<String> excluded, int perRow) {
        List<CompletableFuture<Similar>> asked = new ArrayList<>(seeds.size());
        for (int i = 0; i < seeds.size(); i++) {
            String seed = seeds.get(i);
            // Row i loses at most i rows' worth of titles to earlier rows, plus the exclusions; the
            // slack covers titles the catalog does not know. Personalize ranks only what is asked.
            int ask = Math.min(500, perRow * (i + 1) + excluded.size() + SLACK);
            asked.add(calls.start(() -> similar(seed, ask)));
        }
        return asked;
    }

    /**
     * The rows from the seeds' answers ({@code answers.get(i)} is {@code seeds.get(i)}'s), reading
     * catalog data through {@code lookup} (once, twice at most) and a failed seed's row through
     * {@code fallbackRow}. {@code excluded} grows by every title a row shows.
     */
    static BecauseYouWatched build(List<String> seeds, List<Similar> answers, Set<String> excluded, int perRow,
                                   Function<Collection<String>, Map<String, CatalogItem>> lookup,
                                   FallbackRow fallbackRow) {
        Set<String> looked = new LinkedHashSet<>(seeds);
        looked.addAll(candidates(answers, excluded, perRow));
        Map<String, CatalogItem> known = new HashMap<>(lookup.apply(looked));
        boolean toppedUp = false;

        List<BecauseYouWatched.Row> result = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (int i = 0; i < seeds.size(); i++) {
            String seed = seeds.get(i);
            CatalogItem seedItem = known.get(seed);
            if (seedItem == null) {
                continue;
            }
            Similar similar = answers.get(i);
            RecommendationList list;
            if (similar.answer() != null) {
                Walk walk = walk(similar.answer().items(), known, looked, excluded, perRow, !toppedUp);
                if (!walk.complete()) {
                    // Once per answer: the rest of this and the later rows' answers, so no row runs short.
                    Set<String> more = rest(answers.subList(i, answers.size()), looked, excluded);
                    if (!more.isEmpty()) {
                        known.putAll(lookup.apply(more));
                    }
                    looked.addAll(more);
                    toppedUp = true;
                    walk = walk(similar.answer().items(), known, looked, excluded, perRow, false);
                }
                list = new RecommendationList(Sources.campaign(similar.answer()), similar.answer().recommendationId(),
                        walk.items());
            } else {
                String genre = seedItem.genres().isEmpty() ? null : seedItem.genres().get(0);
                list = fallbackRow.row(similar.failure(), genre, excluded);
            }
            list.items().stream().map(RecommendedItem::id).forEach(excluded::add);
            sources.add(list.source());
            result.add(new BecauseYouWatched.Row(seed, seedItem.title(), list.source(), list.recommendationId(),
                    list.items()));
        }
        return new BecauseYouWatched(sources.isEmpty() ? NO_HISTORY : String.join("; ", sources), result);
    }

    private Similar similar(String seed, int ask) {
        try {
            return new Similar(campaigns.recommend(campaigns.arns().similarItemsArn(), null, seed, ask, null,
                    Map.of()), null);
        } catch (CampaignUnavailable e) {
            return new Similar(null, e);
        }
    }

    /**
     * What the rows would show if the catalog knew every title: seed by seed, the first
     * {@code perRow} titles not excluded and not taken by an earlier row, and {@value #SLACK} more.
     */
    static Set<String> candidates(List<Similar> answers, Set<String> excluded, int perRow) {
        Set<String> taken = new HashSet<>(excluded);
        Set<String> candidates = new LinkedHashSet<>();
        for (Similar similar : answers) {
            if (similar.answer() == null) {
                continue;
            }
            List<String> row = new ArrayList<>();
            for (Scored scored : similar.answer().items()) {
                if (row.size() >= perRow + SLACK) {
                    break;
                }
                if (!taken.contains(scored.itemId()) && !row.contains(scored.itemId())) {
                    row.add(scored.itemId());
                }
            }
            candidates.addAll(row);
            taken.addAll(row.subList(0, Math.min(perRow, row.size())));
        }
        return candidates;
    }

    /** Every title of {@code answers} neither excluded nor looked up yet. */
    private static Set<String> rest(List<Similar> answers, Set<String> looked, Set<String> excluded) {
        Set<String> rest = new LinkedHashSet<>();
        for (Similar similar : answers) {
            if (similar.answer() != null) {
                similar.answer().items().stream().map(Scored::itemId)
                        .filter(id -> !looked.contains(id) && !excluded.contains(id)).forEach(rest::add);
            }
        }
        return rest;
    }

    /**
     * The first {@code perRow} of {@code scored}, in order, neither excluded nor unknown to the
     * catalog (as {@link io.marquee.recommendation.enrich.Enrichment#items} picks them). Incomplete
     * when, short of {@code perRow}, it met a title not looked up yet and {@code stopAtUnlooked}:
     * whether the catalog knows it decides the row. Otherwise such a title is passed over.
     */
    static Walk walk(List<Scored> scored, Map<String, CatalogItem> known, Set<String> looked, Set<String> excluded,
                     int perRow, boolean stopAtUnlooked) {
        List<RecommendedItem> items = new ArrayList<>(perRow);
        Set<String> taken = new HashSet<>();
        for (Scored s : scored) {
            if (items.size() >= perRow) {
                break;
            }
            String id = s.itemId();
            if (excluded.contains(id) || taken.contains(id)) {
                continue;
            }
            if (!looked.contains(id) && stopAtUnlooked) {
                return new Walk(items, false);
            }
            CatalogItem item = known.get(id);
            if (item != null) {
                taken.add(id);
                items.add(RecommendedItem.of(item, s.score()));
            }
        }
        return new Walk(items, true);
    }

    /** One seed's similar-items answer, or why there is none. */
    record Similar(CampaignAnswer answer, CampaignUnavailable failure) {
    }

    record Walk(List<RecommendedItem> items, boolean complete) {
    }

    /** A failed seed's row: top rated in {@code genre} (or overall) without {@code excluded}. */
    @FunctionalInterface
    interface FallbackRow {
        RecommendationList row(CampaignUnavailable why, String genre, Set<String> excluded);
    }
}
