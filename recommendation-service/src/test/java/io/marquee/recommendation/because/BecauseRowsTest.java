package io.marquee.recommendation.because;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.recommendation.enrich.CatalogItem;
import io.marquee.recommendation.enrich.Enrichment;
import io.marquee.recommendation.enrich.RecommendationList;
import io.marquee.recommendation.enrich.RecommendedItem;
import io.marquee.recommendation.personalize.CampaignAnswer;
import io.marquee.recommendation.personalize.CampaignUnavailable;
import io.marquee.recommendation.personalize.Scored;
import io.marquee.recommendation.source.Sources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * How the rows are built from the seeds' answers (pure: the answers, the catalog and the chart are
 * data here; the HTTP path against personalize-local is in RecommendationApiTest and FallbackTest).
 * The rows must be exactly what looking up every answered title would give, while the catalog is
 * asked only for the titles the rows can show.
 */
class BecauseRowsTest {

    private static final int TITLES = 60;

    @Test
    void rowsAreDedupedExcludeRatedAndSeedsAndTheCatalogIsAskedOnlyForCandidates() {
        Map<String, CatalogItem> catalog = catalog(Set.of());
        List<String> seeds = List.of("t00", "t01");
        // Both seeds' answers overlap; t05 is rated; each answer also names the other seed.
        List<BecauseService.Similar> answers = List.of(
                answer("t01", "t02", "t03", "t05", "t04", "t06", "t07", "t08", "t09", "t10", "t11", "t12", "t13"),
                answer("t00", "t03", "t02", "t14", "t05", "t15", "t16", "t17", "t18", "t19", "t20", "t21"));
        Set<String> excluded = new HashSet<>(Set.of("t05", "t00", "t01"));
        List<Collection<String>> lookups = new ArrayList<>();

        BecauseYouWatched rows = BecauseService.build(seeds, answers, excluded, 3, counting(catalog, lookups),
                BecauseRowsTest::chartRow);

        assertThat(rows.rows()).extracting(BecauseYouWatched.Row::seedId).containsExactly("t00", "t01");
        assertThat(ids(rows.rows().get(0))).containsExactly("t02", "t03", "t04");
        assertThat(ids(rows.rows().get(1))).containsExactly("t14", "t15", "t16");
        assertThat(lookups).hasSize(1);
        // The seeds and perRow + slack candidates per row; not t10..t13 or t20, t21.
        assertThat(lookups.get(0)).containsExactlyInAnyOrder("t00", "t01", "t02", "t03", "t04", "t06", "t07", "t08",
                "t14", "t15", "t16", "t17", "t18", "t19");
    }

    @Test
    void aSeedWhoseCallFailedGetsTheChartOfItsGenreAndLaterRowsDoNotRepeatIt() {
        Map<String, CatalogItem> catalog = catalog(Set.of());
        List<String> seeds = List.of("t00", "t01");
        // The chart row takes t02, t03, t04: the second row's first candidates.
        List<BecauseService.Similar> answers = List.of(failed(),
                answer("t02", "t03", "t04", "t06", "t07", "t08", "t09", "t10", "t11"));
        Set<String> excluded = new HashSet<>(Set.of("t00", "t01"));

        BecauseYouWatched rows = BecauseService.build(seeds, answers, excluded, 3, ids -> lookup(catalog, ids),
                BecauseRowsTest::chartRow);

        assertThat(rows.rows().get(0).source()).startsWith("fallback:");
        assertThat(ids(rows.rows().get(0))).containsExactly("t02", "t03", "t04");
        assertThat(ids(rows.rows().get(1))).containsExactly("t06", "t07", "t08");
    }

    @Test
    void rowsAreWhatLookingUpEveryAnsweredTitleGivesAndTheCatalogIsReadTwiceAtMost() {
        Random random = new Random(7);
        for (int run = 0; run < 2000; run++) {
            Set<String> unknown = new HashSet<>();
            if (random.nextBoolean()) {
                for (int n = 0; n < TITLES; n++) {
                    if (random.nextInt(8) == 0) {
                        unknown.add(title(n));
                    }
                }
            }
            Map<String, CatalogItem> catalog = catalog(unknown);
            int perRow = 1 + random.nextInt(6);
            List<String> titles = new ArrayList<>();
            for (int n = 0; n < TITLES; n++) {
                titles.add(title(n));
            }
            java.util.Collections.shuffle(titles, random);
            List<String> seeds = titles.subList(0, 1 + random.nextInt(4));
            Set<String> rated = new HashSet<>(titles.subList(10, 10 + random.nextInt(10)));
            List<BecauseService.Similar> answers = new ArrayList<>();
            for (String seed : seeds) {
                if (random.nextInt(5) == 0) {
                    answers.add(failed());
                } else {
                    List<String> answered = new ArrayList<>(titles);
                    answered.remove(seed);
                    java.util.Collections.shuffle(answered, random);
                    answers.add(answer(answered.subList(0, random.nextInt(30)).toArray(String[]::new)));
                }
            }
            Set<String> excluded = new HashSet<>(rated);
            excluded.addAll(seeds);
            List<Collection<String>> lookups = new ArrayList<>();

            BecauseYouWatched rows = BecauseService.build(seeds, answers, new HashSet<>(excluded), perRow,
                    counting(catalog, lookups), BecauseRowsTest::chartRow);

            assertThat(rows).as("run %d", run).isEqualTo(everyTitleLookedUp(seeds, answers, excluded, perRow, catalog));
            assertThat(lookups).as("run %d", run).hasSizeBetween(1, 2);
            assertThat(lookups.get(0)).hasSizeLessThanOrEqualTo(seeds.size() * (1 + perRow + BecauseService.SLACK));
            boolean undisturbed = unknown.isEmpty() && answers.stream().allMatch(a -> a.answer() != null);
            if (undisturbed) {
                assertThat(lookups).as("run %d", run).hasSize(1);
            }
        }
    }

    /** How the rows were built before candidates: every answered title looked up, in one read. */
    private static BecauseYouWatched everyTitleLookedUp(List<String> seeds, List<BecauseService.Similar> answers,
                                                        Set<String> excludedAtFirst, int perRow,
                                                        Map<String, CatalogItem> catalog) {
        Set<String> excluded = new HashSet<>(excludedAtFirst);
        Set<String> ids = new LinkedHashSet<>(seeds);
        answers.stream().filter(a -> a.answer() != null)
                .forEach(a -> a.answer().items().forEach(s -> ids.add(s.itemId())));
        Map<String, CatalogItem> known = lookup(catalog, ids);
        List<BecauseYouWatched.Row> result = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (int i = 0; i < seeds.size(); i++) {
            CatalogItem seedItem = known.get(seeds.get(i));
            if (seedItem == null) {
                continue;
            }
            BecauseService.Similar similar = answers.get(i);
            RecommendationList list = similar.answer() != null
                    ? new RecommendationList(Sources.campaign(similar.answer()), similar.answer().recommendationId(),
                    Enrichment.items(similar.answer().items(), known, excluded, perRow))
                    : chartRow(similar.failure(), seedItem.genres().get(0), excluded);
            list.items().forEach(item -> excluded.add(item.id()));
            sources.add(list.source());
            result.add(new BecauseYouWatched.Row(seeds.get(i), seedItem.title(), list.source(),
                    list.recommendationId(), list.items()));
        }
        return new BecauseYouWatched(sources.isEmpty() ? BecauseService.NO_HISTORY : String.join("; ", sources),
                result);
    }

    /** The "chart" of a genre: every title of it, lowest number first, without the excluded; 3 at most. */
    private static RecommendationList chartRow(CampaignUnavailable why, String genre, Set<String> excluded) {
        List<RecommendedItem> items = new ArrayList<>();
        for (int n = 0; n < TITLES && items.size() < 3; n++) {
            CatalogItem item = item(n);
            if (item.genres().contains(genre) && !excluded.contains(item.id())) {
                items.add(RecommendedItem.of(item, null));
            }
        }
        return new RecommendationList(Sources.fallback(why.reason(), genre), null, items);
    }

    private static Function<Collection<String>, Map<String, CatalogItem>> counting(Map<String, CatalogItem> catalog,
                                                                                 List<Collection<String>> lookups) {
        return ids -> {
            lookups.add(List.copyOf(ids));
            return lookup(catalog, ids);
        };
    }

    private static Map<String, CatalogItem> lookup(Map<String, CatalogItem> catalog, Collection<String> ids) {
        Map<String, CatalogItem> found = new HashMap<>();
        ids.forEach(id -> {
            if (catalog.containsKey(id)) {
                found.put(id, catalog.get(id));
            }
        });
        return found;
    }

    private static Map<String, CatalogItem> catalog(Set<String> unknown) {
        Map<String, CatalogItem> catalog = new HashMap<>();
        for (int n = 0; n < TITLES; n++) {
            if (!unknown.contains(title(n))) {
                catalog.put(title(n), item(n));
            }
        }
        return catalog;
    }

    private static CatalogItem item(int n) {
        // One genre for the first 20 titles (and the seeds of the fallback test), others after.
        String genre = n < 20 ? "Drama" : n % 2 == 0 ? "Comedy" : "Horror";
        return new CatalogItem(title(n), "Title " + title(n), 1990 + n % 10, List.of(genre), 10, 3.5);
    }

    private static String title(int n) {
        return String.format("t%02d", n);
    }

    private static BecauseService.Similar answer(String... ids) {
        List<Scored> items = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            items.add(new Scored(ids[i], 1.0 - i * 0.01));
        }
        return new BecauseService.Similar(new CampaignAnswer("arn:similar", null, "rec-" + ids.length, items), null);
    }

    private static BecauseService.Similar failed() {
        return new BecauseService.Similar(null, new CampaignUnavailable(CampaignUnavailable.UNAVAILABLE, "down"));
    }

    private static List<String> ids(BecauseYouWatched.Row row) {
        return row.items().stream().map(RecommendedItem::id).toList();
    }
}
