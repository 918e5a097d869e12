package io.marquee.personalize.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small synthetic catalogs: a few series watched in order, and genre tastes. */
final class Fixtures {

    static final long DAY = 86_400_000L;
    static final long START = 1_700_000_000_000L;
    static final String[] GENRES = {"Action", "Comedy", "Drama", "Horror"};

    private Fixtures() {
    }

    /** Items i0..i39: genre i % 4; series s{k}p1..p3 for k = 0..3 (genre k). */
    static Map<String, ItemMetadata> items() {
        Map<String, ItemMetadata> m = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            m.put("i" + i, new ItemMetadata("i" + i, Map.of("GENRES", GENRES[i % 4], "TITLE", "Item " + i + " (" + (1990 + i) + ")")));
        }
        for (int k = 0; k < 4; k++) {
            for (int p = 1; p <= 3; p++) {
                m.put(series(k, p), new ItemMetadata(series(k, p), Map.of("GENRES", GENRES[k])));
            }
        }
        return m;
    }

    static String series(int k, int part) {
        return "s" + k + "p" + part;
    }

    /**
     * 60 users, each with a favourite genre: random items of that genre (popular ones more often),
     * and for most users one series watched part by part in the middle of their history.
     */
    static List<Interaction> interactions(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Interaction> out = new ArrayList<>();
        for (int u = 0; u < 60; u++) {
            int genre = u % 4;
            long t = START + u * DAY / 10;
            List<String> seq = new ArrayList<>();
            for (int e = 0; e < 8; e++) {
                int i = genre + 4 * (int) Math.floor(Math.pow(r.nextDouble(), 2) * 10);
                seq.add("i" + i);
            }
            if (u % 5 != 0) {
                int k = r.nextInt(4);
                int at = 3 + r.nextInt(3);
                seq.add(at, series(k, 1));
                seq.add(at + 1, series(k, 2));
                seq.add(at + 2, series(k, 3));
            }
            for (String item : seq) {
                t += 3_600_000L;
                out.add(new Interaction("u" + u, item, t, "watch", Double.NaN));
            }
        }
        return out;
    }

    static Dataset dataset() {
        return new Dataset(interactions(7), items(), Map.of());
    }

    static Interaction event(String user, String item, long t) {
        return new Interaction(user, item, t, "watch", Double.NaN);
    }

    static Map<String, String> hp(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
