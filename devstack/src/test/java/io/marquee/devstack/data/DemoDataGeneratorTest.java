package io.marquee.devstack.data;

import io.marquee.common.catalog.Genres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataGeneratorTest {

    private Dataset data;
    private Map<String, Movie> moviesById;
    private long generationMillis;

    @BeforeAll
    void generateDefaultDatasetOnce() {
        long start = System.nanoTime();
        data = DemoDataGenerator.generate(42);
        generationMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("default demo dataset generated in " + generationMillis + " ms: "
                + data.movies().size() + " movies, " + data.users().size() + " users, "
                + data.interactions().size() + " interactions");
        moviesById = data.movies().stream().collect(Collectors.toMap(Movie::id, Function.identity()));
    }

    @Test
    void sameSeedGivesTheSameDataset() {
        Dataset first = DemoDataGenerator.generate(7, 300, 100, 5_000);
        Dataset second = DemoDataGenerator.generate(7, 300, 100, 5_000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentSeedsGiveDifferentDatasets() {
        Dataset first = DemoDataGenerator.generate(7, 300, 100, 5_000);
        Dataset other = DemoDataGenerator.generate(8, 300, 100, 5_000);
        assertThat(other.movies()).isNotEqualTo(first.movies());
        assertThat(other.users()).isNotEqualTo(first.users());
        assertThat(other.interactions()).isNotEqualTo(first.interactions());
    }

    @Test
    void defaultSizesMeetTheTargets() {
        assertThat(data.movies()).hasSizeGreaterThanOrEqualTo(3_000);
        assertThat(data.users()).hasSizeGreaterThanOrEqualTo(2_000);
        assertThat(data.interactions()).hasSizeGreaterThanOrEqualTo(200_000);
    }

    @Test
    void idsAreMovieLensStyleNumbers() {
        assertThat(data.movies()).extracting(Movie::id).doesNotHaveDuplicates().allMatch(id -> id.matches("[1-9][0-9]*"));
        assertThat(data.users()).extracting(DemoUser::id).doesNotHaveDuplicates().allMatch(id -> id.matches("[1-9][0-9]*"));
    }

    @Test
    void genresAreCanonicalWithRealisticFrequencies() {
        Map<String, Integer> counts = new HashMap<>();
        for (Movie m : data.movies()) {
            assertThat(m.genres()).hasSizeBetween(1, 3).doesNotHaveDuplicates();
            assertThat(Genres.ALL).containsAll(m.genres());
            m.genres().forEach(g -> counts.merge(g, 1, Integer::sum));
        }
        List<String> byFrequency = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        assertThat(byFrequency.subList(0, 2)).containsExactlyInAnyOrder("Drama", "Comedy");
        int movies = data.movies().size();
        assertThat(counts.getOrDefault("IMAX", 0)).isLessThan(movies / 20);
        assertThat(counts.getOrDefault("Film-Noir", 0)).isLessThan(movies / 20);
        long animated = data.movies().stream().filter(m -> m.genres().contains("Animation")).count();
        long animatedForChildren = data.movies().stream()
                .filter(m -> m.genres().contains("Animation") && m.genres().contains("Children")).count();
        assertThat(animatedForChildren).isGreaterThan(animated / 2);
    }

    @Test
    void titlesAreUniqueWordsWithoutYearsOrNumbers() {
        assertThat(data.movies()).extracting(Movie::title).doesNotHaveDuplicates()
                .allMatch(t -> !t.matches(".*[0-9()].*"), "no digits or parentheses");
    }

    @Test
    void yearsAreSkewedToRecentDecadesAndRuntimesFollowGenre() {
        assertThat(data.movies()).allMatch(m -> m.year() >= 1950 && m.year() <= 2025)
                .allMatch(m -> m.runtimeMinutes() >= 75 && m.runtimeMinutes() <= 190)
                .allMatch(m -> m.overview() != null && m.overview().endsWith("."));
        long recent = data.movies().stream().filter(m -> m.year() >= 2000).count();
        assertThat(recent).isGreaterThan(data.movies().size() / 2);
        assertThat(averageRuntime("Animation")).isLessThan(averageRuntime("Drama") - 10);
        assertThat(averageRuntime("War")).isGreaterThan(averageRuntime("Comedy") + 15);
    }

    @Test
    void seriesHaveTwoToFourPartsWithIncreasingYears() {
        Map<String, List<Movie>> series = new LinkedHashMap<>();
        data.movies().stream().filter(m -> m.metadata().containsKey("series"))
                .forEach(m -> series.computeIfAbsent(m.metadata().get("series"), k -> new ArrayList<>()).add(m));
        int inSeries = series.values().stream().mapToInt(List::size).sum();
        assertThat(inSeries).isBetween(data.movies().size() * 4 / 100, data.movies().size() * 6 / 100);
        series.forEach((name, parts) -> {
            parts.sort(Comparator.comparing(m -> Integer.parseInt(m.metadata().get("seriesPart"))));
            assertThat(parts).hasSizeBetween(2, 4);
            assertThat(parts.get(0).title()).isEqualTo(name);
            if (parts.size() > 1) {
                assertThat(parts.get(1).title()).isEqualTo(name + " II");
            }
            for (int i = 1; i < parts.size(); i++) {
                assertThat(parts.get(i).year()).isGreaterThan(parts.get(i - 1).year());
                assertThat(parts.get(i).genres()).isEqualTo(parts.get(0).genres());
            }
        });
    }

    @Test
    void usersHavePlausibleProfilesAndUniqueExampleEmails() {
        assertThat(data.users()).extracting(DemoUser::email).doesNotHaveDuplicates()
                .allMatch(e -> e.matches("[a-z]+\\.[a-z]+\\.[0-9]+@example\\.com"));
        assertThat(data.users()).allMatch(u -> u.age() >= 16 && u.age() <= 80)
                .allMatch(u -> Set.of("female", "male", "nonbinary").contains(u.gender()))
                .allMatch(u -> u.name().matches("\\S+ \\S+"));
        Map<String, Long> genders = data.users().stream().collect(Collectors.groupingBy(DemoUser::gender, Collectors.counting()));
        assertThat(genders.get("nonbinary")).isPositive().isLessThan(genders.get("female")).isLessThan(genders.get("male"));
    }

    @Test
    void ratingsAreHalfStarsAndViewsHaveNoValue() {
        for (Interaction i : data.interactions()) {
            if (i.isRating()) {
                assertThat(i.eventValue()).isBetween(0.5, 5.0);
                assertThat(i.eventValue() * 2).isEqualTo(Math.rint(i.eventValue() * 2));
            } else {
                assertThat(i.eventType()).isEqualTo("view");
                assertThat(i.eventValue()).isNull();
            }
        }
        long rates = data.interactions().stream().filter(Interaction::isRating).count();
        double rateShare = rates / (double) (data.interactions().size() - rates);
        assertThat(rateShare).isBetween(0.30, 0.40);
    }

    @Test
    void interactionsAreSortedWithinTheSpanAndReferenceKnownUsersAndMovies() {
        Set<String> users = data.users().stream().map(DemoUser::id).collect(Collectors.toSet());
        long previous = Long.MIN_VALUE;
        for (Interaction i : data.interactions()) {
            assertThat(i.timestamp()).isGreaterThanOrEqualTo(previous)
                    .isBetween(InteractionSimulator.SPAN_START, InteractionSimulator.SPAN_END);
            previous = i.timestamp();
            // Plain lookups: AssertJ's contains() scans the collection, too slow for 200,000 events.
            assertThat(users.contains(i.userId())).as("known user %s", i.userId()).isTrue();
            assertThat(moviesById.containsKey(i.itemId())).as("known movie %s", i.itemId()).isTrue();
            assertThat(i.sessionId()).startsWith(i.userId() + "-");
        }
    }

    @Test
    void everyRatingFollowsAViewOfTheSameMovieAndNobodyViewsAMovieTwice() {
        Set<String> viewed = new HashSet<>();
        for (Interaction i : data.interactions()) {
            String key = i.userId() + "/" + i.itemId();
            if (i.isRating()) {
                assertThat(viewed.contains(key)).as("rating of unviewed %s", key).isTrue();
            } else {
                assertThat(viewed.add(key)).as("second view of %s", key).isTrue();
            }
        }
    }

    @Test
    void activityIsLongTailedWithAFloorOfTwentyEvents() {
        Map<String, Long> perUser = data.interactions().stream()
                .collect(Collectors.groupingBy(Interaction::userId, Collectors.counting()));
        assertThat(perUser).hasSize(data.users().size());
        List<Long> counts = perUser.values().stream().sorted().toList();
        assertThat(counts.get(0)).isGreaterThanOrEqualTo(20);
        long median = counts.get(counts.size() / 2);
        assertThat(counts.get(counts.size() - 1)).isGreaterThan(5 * median);
    }

    @Test
    void sessionsAreEventsMinutesApartAndDaysApart() {
        Map<String, List<Interaction>> bySession = new LinkedHashMap<>();
        data.interactions().forEach(i -> bySession.computeIfAbsent(i.sessionId(), k -> new ArrayList<>()).add(i));
        Map<String, long[]> sessionBounds = new LinkedHashMap<>();
        bySession.forEach((id, events) -> {
            for (int k = 1; k < events.size(); k++) {
                assertThat(events.get(k).timestamp() - events.get(k - 1).timestamp()).isBetween(60L, 3_700L);
            }
            sessionBounds.put(id, new long[]{events.get(0).timestamp(), events.get(events.size() - 1).timestamp()});
        });
        List<Long> gaps = new ArrayList<>();
        Map<String, List<long[]>> byUser = new LinkedHashMap<>();
        sessionBounds.forEach((id, bounds) ->
                byUser.computeIfAbsent(id.substring(0, id.indexOf('-')), k -> new ArrayList<>()).add(bounds));
        byUser.values().forEach(list -> {
            list.sort(Comparator.comparingLong(b -> b[0]));
            for (int k = 1; k < list.size(); k++) {
                gaps.add(list.get(k)[0] - list.get(k - 1)[1]);
            }
        });
        assertThat(gaps).allMatch(g -> g >= 6 * 3600);
        double medianDays = gaps.stream().sorted().toList().get(gaps.size() / 2) / 86_400.0;
        assertThat(medianDays).isGreaterThan(1.0);
    }

    @Test
    void popularityHasALongTail() {
        Map<String, Long> views = views().stream().collect(Collectors.groupingBy(Interaction::itemId, Collectors.counting()));
        List<Long> counts = data.movies().stream().map(m -> views.getOrDefault(m.id(), 0L))
                .sorted(Comparator.reverseOrder()).toList();
        long total = counts.stream().mapToLong(Long::longValue).sum();
        long top = counts.subList(0, counts.size() / 10).stream().mapToLong(Long::longValue).sum();
        assertThat(top / (double) total).isGreaterThan(0.40);
    }

    @Test
    void seriesAreWatchedInOrderMoreOftenThanChance() {
        Map<String, String> nextPart = new HashMap<>();
        Map<String, String> seriesKey = new HashMap<>();
        data.movies().stream().filter(m -> m.metadata().containsKey("series")).forEach(m ->
                seriesKey.put(m.metadata().get("series") + "#" + m.metadata().get("seriesPart"), m.id()));
        seriesKey.forEach((key, id) -> {
            int hash = key.lastIndexOf('#');
            String next = seriesKey.get(key.substring(0, hash) + "#" + (Integer.parseInt(key.substring(hash + 1)) + 1));
            if (next != null) {
                nextPart.put(id, next);
            }
        });
        Map<String, List<String>> viewOrder = new LinkedHashMap<>();
        views().forEach(v -> viewOrder.computeIfAbsent(v.userId(), k -> new ArrayList<>()).add(v.itemId()));
        int inOrder = 0;
        int bothSeen = 0;
        int immediatelyNext = 0;
        int partViews = 0;
        for (List<String> order : viewOrder.values()) {
            Map<String, Integer> position = new HashMap<>();
            for (int k = 0; k < order.size(); k++) {
                position.put(order.get(k), k);
            }
            for (Map.Entry<String, String> pair : nextPart.entrySet()) {
                Integer first = position.get(pair.getKey());
                Integer second = position.get(pair.getValue());
                if (first != null && second != null) {
                    bothSeen++;
                    inOrder += first < second ? 1 : 0;
                }
                if (first != null && first + 1 < order.size()) {
                    partViews++;
                    immediatelyNext += order.get(first + 1).equals(pair.getValue()) ? 1 : 0;
                }
            }
        }
        assertThat(bothSeen).isGreaterThan(100);
        assertThat(inOrder / (double) bothSeen).isGreaterThan(0.75); // chance would be about one half
        assertThat(immediatelyNext / (double) partViews).isGreaterThan(0.3); // chance: 1 in 3,000
    }

    @Test
    void usersKeepWatchingTheGenreTheyFavouredEarlier() {
        // Split each history in half: the genre a user watched most in the first half should be far
        // more common in their second half than in everybody's views, which only latent taste explains.
        Map<String, List<String>> viewOrder = new LinkedHashMap<>();
        views().forEach(v -> viewOrder.computeIfAbsent(v.userId(), k -> new ArrayList<>()).add(v.itemId()));
        Map<String, Long> overall = views().stream().flatMap(v -> moviesById.get(v.itemId()).genres().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long totalViews = views().size();
        double liftSum = 0;
        for (List<String> order : viewOrder.values()) {
            List<String> firstHalf = order.subList(0, order.size() / 2);
            List<String> secondHalf = order.subList(order.size() / 2, order.size());
            String favourite = firstHalf.stream().flatMap(id -> moviesById.get(id).genres().stream())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                    .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow().getKey();
            double shareLater = secondHalf.stream().filter(id -> moviesById.get(id).genres().contains(favourite)).count()
                    / (double) secondHalf.size();
            double shareOverall = overall.get(favourite) / (double) totalViews;
            liftSum += shareLater / shareOverall;
        }
        assertThat(liftSum / viewOrder.size()).isGreaterThan(1.4);
    }

    private List<Interaction> views() {
        return data.interactions().stream().filter(i -> !i.isRating()).toList();
    }

    private double averageRuntime(String genre) {
        return data.movies().stream().filter(m -> m.genres().contains(genre))
                .mapToInt(Movie::runtimeMinutes).average().orElseThrow();
    }
}
