package io.marquee.personalize.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The items a model knows, with the state every recipe shares and that real-time events update:
 * dense indexes, interaction counts, when each item appeared, and metadata features (genres,
 * year). Safe for concurrent readers and writers; indexes never change once given.
 */
final class Catalog {

    private static final Pattern YEAR_IN_TITLE = Pattern.compile("\\((\\d{4})\\)\\s*$");

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
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
        created[n] = newestEventMillis == Long.MIN_VALUE ? System.currentTimeMillis() : newestEventMillis;
        genres[n] = new int[0];
        years[n] = Integer.MIN_VALUE;
        return n;
    }

    /** Counts a training interaction. */
    void count(Interaction event) {
        int i = addLocked(event.itemId());
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
        lock.readLock().lock();
        try {
            Integer i = index.get(itemId);
            return i == null ? -1 : i;
        } finally {
            lock.readLock().unlock();
        }
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

    /** Items with fewer than {@code minCount} interactions created at or after {@code cutoff}. */
    boolean[] fresh(int items, double minCount, long cutoff) {
        boolean[] fresh = new boolean[items];
        lock.readLock().lock();
        try {
            for (int i = 0; i < Math.min(items, ids.size()); i++) {
                fresh[i] = counts[i] < minCount && created[i] >= cutoff;
            }
        } finally {
            lock.readLock().unlock();
        }
        return fresh;
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
        lock.readLock().lock();
        try {
            return genres[i];
        } finally {
            lock.readLock().unlock();
        }
    }

    int year(int i) {
        lock.readLock().lock();
        try {
            return years[i];
        } finally {
            lock.readLock().unlock();
        }
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
        int[] ga = genres(a);
        int[] gb = genres(b);
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
        int ya = year(a);
        int yb = year(b);
        if (ya != Integer.MIN_VALUE && yb != Integer.MIN_VALUE) {
            s += 0.2 * Math.exp(-Math.abs(ya - yb) / 5.0);
        }
        return s;
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
