package io.marquee.personalize.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The items a model knows, with the state every recipe shares and that real-time events update:
 * dense indexes, interaction counts, when each item appeared, and metadata features (genres,
 * year). Safe for concurrent readers and writers; indexes never change once given.
 *
 * <p>Scoring reads through {@link #view()}: an immutable copy of the per-item state, rebuilt only
 * after a write, so a request takes no lock per item (a read lock per call cost more than the
 * scoring itself under concurrency: ReentrantReadWriteLock keeps a thread-local hold count).
 */
final class Catalog {

    private static final Pattern YEAR_IN_TITLE = Pattern.compile("\\((\\d{4})\\)\\s*$");

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<String> ids = new ArrayList<>();
    /** Concurrent so {@link #index} needs no lock: entries are only ever added, under the write lock. */
    private final Map<String, Integer> index = new ConcurrentHashMap<>();
    private final Map<String, Integer> genreIds = new HashMap<>();
    private final Map<String, ItemMetadata> metadata = new HashMap<>();
    private double[] counts = new double[16];
    /** When the item first appeared (creation timestamp, PutItems time or first interaction), epoch ms. */
    private long[] created = new long[16];
    private int[][] genres = new int[16][];
    private int[] years = new int[16];
    /** Items known when the model was trained; later ones came from PutItems or PutEvents. */
    private int trainedItems;
    private long newestEventMillis = Long.MIN_VALUE;
    /** Bumped by every write (under the write lock), so a {@link View} knows when it is stale. */
    private volatile long version;
    private volatile View view;

    /** Adds an item if unknown and returns its index. */
    int add(String itemId) {
        lock.writeLock().lock();
        try {
            return addLocked(itemId);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int addLocked(String itemId) {
        Integer i = index.get(itemId);
        if (i != null) {
            return i;
        }
        int n = ids.size();
        if (n == counts.length) {
            int cap = n * 2;
            counts = Arrays.copyOf(counts, cap);
            created = Arrays.copyOf(created, cap);
            genres = Arrays.copyOf(genres, cap);
            years = Arrays.copyOf(years, cap);
        }
        ids.add(itemId);
        index.put(itemId, n);
        version++;
        created[n] = newestEventMillis == Long.MIN_VALUE ? System.currentTimeMillis() : newestEventMillis;
        genres[n] = new int[0];
        years[n] = Integer.MIN_VALUE;
        return n;
    }

    /** Counts a training interaction. */
    void count(Interaction event) {
        int i = addLocked(event.itemId());
        version++;
        counts[i] += 1;
        if (counts[i] == 1) {
            created[i] = Math.min(created[i], event.timestampMillis());
        }
        newestEventMillis = Math.max(newestEventMillis, event.timestampMillis());
    }

    /** Builds a catalog from a dataset: every item with interactions or metadata. */
    static Catalog of(Dataset dataset) {
        Catalog c = new Catalog();
        List<Interaction> sorted = new ArrayList<>(dataset.interactions());
        sorted.sort((a, b) -> Long.compare(a.timestampMillis(), b.timestampMillis()));
        for (Interaction e : sorted) {
            c.count(e);
        }
        if (dataset.items() != null) {
            for (ItemMetadata m : dataset.items().values()) {
                c.putLocked(m, false);
            }
        }
        c.trainedItems = c.ids.size();
        return c;
    }

    /** A real-time event: the item becomes known if new, its count grows, time advances. */
    void observe(Interaction event) {
        if (event.itemId() == null || event.itemId().isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            int i = addLocked(event.itemId());
            version++;
            if (counts[i] == 0 && i >= trainedItems) {
                created[i] = event.timestampMillis();
            }
            counts[i] += 1;
            newestEventMillis = Math.max(newestEventMillis, event.timestampMillis());
        } finally {
            lock.writeLock().unlock();
        }
    }

    void put(ItemMetadata item) {
        lock.writeLock().lock();
        try {
            putLocked(item, true);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void putLocked(ItemMetadata item, boolean live) {
        boolean isNew = !index.containsKey(item.itemId());
        int i = addLocked(item.itemId());
        version++;
        if (isNew && live) {
            created[i] = newestEventMillis == Long.MIN_VALUE ? System.currentTimeMillis() : newestEventMillis;
        }
        metadata.put(item.itemId(), item);
        Map<String, String> f = item.fields() == null ? Map.of() : item.fields();
        String g = field(f, "GENRES", "GENRE", "CATEGORIES");
        if (g != null && !g.isBlank()) {
            genres[i] = Arrays.stream(g.split("\\|")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToInt(s -> genreIds.computeIfAbsent(s.toLowerCase(), k -> genreIds.size()))
                    .distinct().sorted().toArray();
        }
        String y = field(f, "YEAR", "RELEASE_YEAR");
        if (y != null) {
            try {
                years[i] = (int) Double.parseDouble(y.trim());
            } catch (NumberFormatException ignored) {
                // not a year: keep what we had
            }
        } else {
            String title = field(f, "TITLE", "NAME");
            if (title != null) {
                Matcher m = YEAR_IN_TITLE.matcher(title.trim());
                if (m.find()) {
                    years[i] = Integer.parseInt(m.group(1));
                }
            }
        }
        String ts = field(f, "CREATION_TIMESTAMP");
        if (ts != null) {
            try {
                double v = Double.parseDouble(ts.trim());
                created[i] = v < 1e11 ? (long) (v * 1000) : (long) v; // seconds, or already millis
            } catch (NumberFormatException ignored) {
                // keep the first-seen time
            }
        }
    }

    private static String field(Map<String, String> f, String... names) {
        for (String n : names) {
            for (Map.Entry<String, String> e : f.entrySet()) {
                if (e.getKey().equalsIgnoreCase(n)) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    void readLock() {
        lock.readLock().lock();
    }

    void readUnlock() {
        lock.readLock().unlock();
    }

    int size() {
        lock.readLock().lock();
        try {
            return ids.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    int trainedItems() {
        return trainedItems;
    }

    /** The index of an item, or -1. */
    int index(String itemId) {
        Integer i = index.get(itemId);
        return i == null ? -1 : i;
    }

    String id(int i) {
        lock.readLock().lock();
        try {
            return ids.get(i);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The ids of items 0..n-1 (a snapshot). */
    String[] ids() {
        lock.readLock().lock();
        try {
            return ids.toArray(new String[0]);
        } finally {
            lock.readLock().unlock();
        }
    }

    double[] counts() {
        lock.readLock().lock();
        try {
            return Arrays.copyOf(counts, ids.size());
        } finally {
            lock.readLock().unlock();
        }
    }

    double count(int i) {
        lock.readLock().lock();
        try {
            return counts[i];
        } finally {
            lock.readLock().unlock();
        }
    }

    long[] created() {
        lock.readLock().lock();
        try {
            return Arrays.copyOf(created, ids.size());
        } finally {
            lock.readLock().unlock();
        }
    }

    long created(int i) {
        lock.readLock().lock();
        try {
            return created[i];
        } finally {
            lock.readLock().unlock();
        }
    }

    long newestEventMillis() {
        lock.readLock().lock();
        try {
            return newestEventMillis == Long.MIN_VALUE ? 0 : newestEventMillis;
        } finally {
            lock.readLock().unlock();
        }
    }

    int[] genres(int i) {
        return view().genres[i];
    }

    int year(int i) {
        return view().years[i];
    }

    boolean hasMetadata(int i) {
        lock.readLock().lock();
        try {
            return genres[i].length > 0 || years[i] != Integer.MIN_VALUE;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Metadata similarity in [0, 1]: genre Jaccard, lifted a little when the years are close.
     * 0 when either item has no metadata.
     */
    double metadataSimilarity(int a, int b) {
        return view().metadataSimilarity(a, b);
    }

    /** The catalog as it is now, without locks: the last view if nothing was written since, else a new one. */
    View view() {
        View v = view;
        if (v != null && v.version == version) {
            return v;
        }
        lock.readLock().lock();
        try {
            v = new View(this);
        } finally {
            lock.readLock().unlock();
        }
        view = v;
        return v;
    }

    /**
     * The per-item state at one version, immutable: what a request reads. Items added later have
     * indexes past {@link #size()}. Genre arrays are shared with the catalog, which only ever
     * replaces them.
     */
    static final class View {

        final long version;
        final String[] ids;
        final double[] counts;
        final long[] created;
        final int[][] genres;
        final int[] years;
        /** The newest event's time, 0 before any. */
        final long newestEventMillis;
        /** {@code 1e-3 * count / max count}: the popularity term of user-personalization's blend. */
        private volatile double[] popularityTerm;
        /** The last fresh-item query and its answer (callers ask with the same arguments). */
        private volatile Fresh fresh;

        private record Fresh(double minCount, long cutoff, int[] items) {
        }

        private View(Catalog c) {
            int n = c.ids.size();
            this.version = c.version;
            this.ids = c.ids.toArray(new String[0]);
            this.counts = Arrays.copyOf(c.counts, n);
            this.created = Arrays.copyOf(c.created, n);
            this.genres = Arrays.copyOf(c.genres, n);
            this.years = Arrays.copyOf(c.years, n);
            this.newestEventMillis = c.newestEventMillis == Long.MIN_VALUE ? 0 : c.newestEventMillis;
        }

        int size() {
            return ids.length;
        }

        /** Items with fewer than {@code minCount} interactions created at or after {@code cutoff}, ascending. */
        int[] fresh(double minCount, long cutoff) {
            Fresh f = fresh;
            if (f != null && f.minCount() == minCount && f.cutoff() == cutoff) {
                return f.items();
            }
            int[] out = new int[ids.length];
            int m = 0;
            for (int i = 0; i < ids.length; i++) {
                if (counts[i] < minCount && created[i] >= cutoff) {
                    out[m++] = i;
                }
            }
            f = new Fresh(minCount, cutoff, Arrays.copyOf(out, m));
            fresh = f;
            return f.items();
        }

        /** Popularity scaled so the most popular item has {@code scale}; all zeros when nothing has a count. */
        double[] popularity(double scale) {
            double[] p = popularityTerm;
            if (p != null) {
                return p;
            }
            double max = 0;
            for (double v : counts) {
                max = Math.max(max, v);
            }
            p = new double[counts.length];
            if (max > 0) {
                double f = scale / max;
                for (int i = 0; i < p.length; i++) {
                    p[i] = f * counts[i];
                }
            }
            popularityTerm = p;
            return p;
        }

        /** As {@link Catalog#metadataSimilarity}. */
        double metadataSimilarity(int a, int b) {
            int[] ga = genres[a];
            int[] gb = genres[b];
            double s = 0;
            if (ga.length > 0 && gb.length > 0) {
                int common = 0;
                int i = 0;
                int j = 0;
                while (i < ga.length && j < gb.length) {
                    if (ga[i] == gb[j]) {
                        common++;
                        i++;
                        j++;
                    } else if (ga[i] < gb[j]) {
                        i++;
                    } else {
                        j++;
                    }
                }
                s = 0.8 * common / (double) (ga.length + gb.length - common);
            }
            int ya = years[a];
            int yb = years[b];
            if (ya != Integer.MIN_VALUE && yb != Integer.MIN_VALUE) {
                s += 0.2 * Math.exp(-Math.abs(ya - yb) / 5.0);
            }
            return s;
        }
    }

    void write(DataOutputStream out) throws IOException {
        lock.readLock().lock();
        try {
            int n = ids.size();
            out.writeInt(n);
            out.writeInt(trainedItems);
            out.writeLong(newestEventMillis);
            for (int i = 0; i < n; i++) {
                out.writeUTF(ids.get(i));
                out.writeDouble(counts[i]);
                out.writeLong(created[i]);
            }
            out.writeInt(metadata.size());
            for (ItemMetadata m : metadata.values()) {
                Io.writeLongString(out, m.itemId());
                Io.writeStringMap(out, m.fields() == null ? Map.of() : m.fields());
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    static Catalog read(DataInputStream in) throws IOException {
        Catalog c = new Catalog();
        int n = in.readInt();
        int trained = in.readInt();
        long newest = in.readLong();
        for (int i = 0; i < n; i++) {
            int k = c.addLocked(in.readUTF());
            c.counts[k] = in.readDouble();
            c.created[k] = in.readLong();
        }
        int m = in.readInt();
        for (int i = 0; i < m; i++) {
            String id = Io.readLongString(in);
            Map<String, String> fields = Io.readStringMap(in);
            int k = c.index.get(id);
            long created = c.created[k];
            c.putLocked(new ItemMetadata(id, fields), false);
            c.created[k] = created;
        }
        c.trainedItems = trained;
        c.newestEventMillis = newest;
        return c;
    }
}
