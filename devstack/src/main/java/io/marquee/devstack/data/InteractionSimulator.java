package io.marquee.devstack.data;

import io.marquee.common.catalog.Genres;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plays out each user's history from the latent model: who views what (taste x popularity x era, plus
 * habits), when (sessions of events minutes apart, sessions days apart, within the user's active
 * span), and whether they rate it.
 */
final class InteractionSimulator {

    static final long SPAN_START = LocalDate.of(2023, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    static final long SPAN_END = LocalDate.of(2025, 12, 31).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    static final int MIN_EVENTS_PER_USER = 20;
    static final double RATE_PROBABILITY = 0.35;
    private static final double NEXT_PART_PROBABILITY = 0.65;
    private static final double SIMILAR_PROBABILITY = 0.25;
    private static final double MAX_CATALOG_SHARE_VIEWED = 0.4;
    private static final long MIN_SESSION_GAP = 6 * 3600;

    private final SplittableRandom random;
    private final List<CatalogGenerator.LatentMovie> movies;
    // Per genre: the movies with it and their cumulative popularity, for "something like the last one".
    private final int[][] genreMovies;
    private final double[][] genreCumulative;

    InteractionSimulator(SplittableRandom random, List<CatalogGenerator.LatentMovie> movies) {
        this.random = random;
        this.movies = movies;
        int genres = Genres.ALL.size();
        genreMovies = new int[genres][];
        genreCumulative = new double[genres][];
        for (int g = 0; g < genres; g++) {
            String genre = Genres.ALL.get(g);
            int[] members = movies.stream().filter(m -> m.movie().genres().contains(genre))
                    .mapToInt(CatalogGenerator.LatentMovie::index).toArray();
            double[] cumulative = new double[members.length];
            double sum = 0;
            for (int i = 0; i < members.length; i++) {
                sum += movies.get(members[i]).popularity();
                cumulative[i] = sum;
            }
            genreMovies[g] = members;
            genreCumulative[g] = cumulative;
        }
    }

    /** Events in generation order (user by user); the caller sorts by time. */
    List<Interaction> simulate(List<UserGenerator.LatentUser> users, int targetEvents) {
        int[] quotas = quotas(users.size(), targetEvents);
        List<Interaction> events = new ArrayList<>(targetEvents + users.size());
        for (int u = 0; u < users.size(); u++) {
            events.addAll(userHistory(users.get(u), quotas[u]));
        }
        return events;
    }

    // Long-tailed activity: every user at least the minimum, a few heavy users, capped by catalog size.
    private int[] quotas(int userCount, int target) {
        int cap = Math.max(MIN_EVENTS_PER_USER,
                (int) (movies.size() * MAX_CATALOG_SHARE_VIEWED * (1 + RATE_PROBABILITY)));
        double[] weight = new double[userCount];
        for (int u = 0; u < userCount; u++) {
            weight[u] = Math.exp(1.1 * random.nextGaussian());
        }
        double[] quota = new double[userCount];
        Arrays.fill(quota, MIN_EVENTS_PER_USER);
        double remaining = Math.max(0, target - (double) MIN_EVENTS_PER_USER * userCount);
        boolean[] capped = new boolean[userCount];
        // Hand out the rest by weight; whatever a capped user cannot take goes round again.
        for (int round = 0; round < 20 && remaining > 0.5; round++) {
            double open = 0;
            for (int u = 0; u < userCount; u++) {
                open += capped[u] ? 0 : weight[u];
            }
            if (open == 0) {
                break;
            }
            double handedOut = remaining;
            remaining = 0;
            for (int u = 0; u < userCount; u++) {
                if (!capped[u]) {
                    quota[u] += handedOut * weight[u] / open;
                    if (quota[u] >= cap) {
                        remaining += quota[u] - cap;
                        quota[u] = cap;
                        capped[u] = true;
                    }
                }
            }
        }
        int[] result = new int[userCount];
        for (int u = 0; u < userCount; u++) {
            result[u] = (int) Math.ceil(quota[u]); // rounding up keeps the total at or above the target
        }
        return result;
    }

    /** A view or rating within a session, its time relative to the session start. */
    private record Planned(int movie, long offset, Double rating) {
    }

    private List<Interaction> userHistory(UserGenerator.LatentUser user, int quota) {
        int n = movies.size();
        double[] cumulative = new double[n];
        boolean[] seen = new boolean[n];
        double total = rebuild(user, cumulative, seen);

        List<List<Planned>> sessions = new ArrayList<>();
        int events = 0;
        int viewed = 0;
        int previous = -1;
        while (events < quota && viewed < n) {
            List<Planned> session = new ArrayList<>();
            int length = 1 + (int) Math.min(14, random.nextExponential() * 3.5);
            long offset = 0;
            for (int v = 0; v < length && events < quota && viewed < n; v++) {
                int movie = nextView(user, previous, cumulative, total, seen);
                if (movie < 0) {
                    total = rebuild(user, cumulative, seen);
                    movie = sample(cumulative, total, seen, Integer.MAX_VALUE);
                }
                seen[movie] = true;
                viewed++;
                previous = movie;
                session.add(new Planned(movie, offset, null));
                events++;
                if (random.nextDouble() < RATE_PROBABILITY) {
                    offset += 60 + random.nextInt(540);
                    session.add(new Planned(movie, offset, rating(user, movies.get(movie))));
                    events++;
                }
                offset += 60 + (long) Math.min(3600, random.nextExponential() * 600);
            }
            sessions.add(session);
        }
        return place(user.user().id(), sessions);
    }

    private int nextView(UserGenerator.LatentUser user, int previous, double[] cumulative, double total, boolean[] seen) {
        if (previous >= 0) {
            int next = movies.get(previous).nextInSeries();
            if (next >= 0 && !seen[next] && random.nextDouble() < NEXT_PART_PROBABILITY) {
                return next;
            }
            List<String> genres = movies.get(previous).movie().genres();
            if (!genres.isEmpty() && random.nextDouble() < SIMILAR_PROBABILITY) {
                int g = Genres.ALL.indexOf(genres.get(random.nextInt(genres.size())));
                int[] members = genreMovies[g];
                double[] cum = genreCumulative[g];
                for (int attempt = 0; attempt < 10; attempt++) {
                    int candidate = members[search(cum, random.nextDouble() * cum[cum.length - 1])];
                    if (!seen[candidate]) {
                        return candidate;
                    }
                }
            }
        }
        return sample(cumulative, total, seen, 64);
    }

    // Draws by the user's weights, rejecting seen movies; -1 when too many draws hit seen ones.
    private int sample(double[] cumulative, double total, boolean[] seen, int attempts) {
        for (int attempt = 0; attempt < attempts; attempt++) {
            int candidate = search(cumulative, random.nextDouble() * total);
            if (!seen[candidate]) {
                return candidate;
            }
        }
        return -1;
    }

    // The user's cumulative weights over unseen movies; returns the total.
    private double rebuild(UserGenerator.LatentUser user, double[] cumulative, boolean[] seen) {
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            if (!seen[i]) {
                CatalogGenerator.LatentMovie m = movies.get(i);
                double affinity = user.genreAffinity(m.movie().genres());
                sum += m.popularity() * Math.pow(affinity, 1.3) * user.eraFit(m.movie().year());
            }
            cumulative[i] = sum;
        }
        return sum;
    }

    private static int search(double[] cumulative, double target) {
        int index = Arrays.binarySearch(cumulative, target);
        index = index >= 0 ? index + 1 : -index - 1;
        return Math.min(index, cumulative.length - 1);
    }

    // Half-star rating from taste, the movie's hidden quality, the user's bias and noise.
    private Double rating(UserGenerator.LatentUser user, CatalogGenerator.LatentMovie movie) {
        double value = 3.3 + 0.55 * movie.quality() + 0.5 * Math.log(user.genreAffinity(movie.movie().genres()))
                + 0.3 * (user.eraFit(movie.movie().year()) - 0.5) + user.ratingBias() + 0.6 * random.nextGaussian();
        double halfSteps = Math.round(value * 2) / 2.0;
        return Math.max(0.5, Math.min(5.0, halfSteps));
    }

    // Lays sessions out in the user's active span: at least six hours apart, the remaining time spread randomly.
    private List<Interaction> place(String userId, List<List<Planned>> sessions) {
        int count = sessions.size();
        long busy = 0;
        for (List<Planned> s : sessions) {
            busy += s.get(s.size() - 1).offset();
        }
        long span = SPAN_END - SPAN_START;
        long wanted = (long) ((0.15 + 0.85 * random.nextDouble()) * span);
        long needed = busy + count * (MIN_SESSION_GAP + 86_400L);
        long duration = Math.min(span, Math.max(wanted, needed));
        long start = SPAN_START + (long) (random.nextDouble() * (span - duration));
        long minGap = Math.max(0, Math.min(MIN_SESSION_GAP, (duration - busy) / (count + 1)));
        double free = Math.max(0, duration - busy - (count + 1) * minGap);
        double[] gaps = new double[count + 1];
        double gapSum = 0;
        for (int i = 0; i <= count; i++) {
            gaps[i] = random.nextExponential();
            gapSum += gaps[i];
        }
        List<Interaction> events = new ArrayList<>();
        long clock = start;
        for (int k = 0; k < count; k++) {
            clock += minGap + (long) (free * gaps[k] / gapSum);
            String sessionId = userId + "-" + (k + 1);
            List<Planned> session = sessions.get(k);
            for (Planned p : session) {
                String item = movies.get(p.movie()).movie().id();
                events.add(p.rating() == null
                        ? new Interaction(userId, item, clock + p.offset(), Interaction.VIEW, null, sessionId)
                        : new Interaction(userId, item, clock + p.offset(), Interaction.RATE, p.rating(), sessionId));
            }
            clock += session.get(session.size() - 1).offset();
        }
        return events;
    }
}
