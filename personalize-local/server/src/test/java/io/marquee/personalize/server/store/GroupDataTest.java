package io.marquee.personalize.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.personalize.engine.Dataset;
import io.marquee.personalize.engine.Interaction;
import io.marquee.personalize.server.store.GroupData.RecordedEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The compact GroupData (events in columns, ids through the group's dictionary) answers what the
 * API and training read exactly as the object-per-event one did ({@link ReferenceGroupData}):
 * random streams of events with anonymous sessions later tied to users (sometimes to another
 * user), events without items or values, out-of-order times, bulk imports before and after.
 */
class GroupDataTest {

    private static final Comparator<Interaction> ORDER = Comparator.comparing(Interaction::userId,
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(Interaction::timestampMillis).thenComparing(Interaction::itemId,
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Interaction::eventType).thenComparingDouble(Interaction::eventValue);

    @Test
    void answersAsTheObjectPerEventDataDid() {
        for (int seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            GroupData compact = new GroupData();
            ReferenceGroupData reference = new ReferenceGroupData();
            Set<String> ids = new LinkedHashSet<>();
            for (int step = 0; step < 3000; step++) {
                int what = random.nextInt(100);
                if (what == 0) {
                    List<Interaction> rows = imports(random);
                    boolean full = random.nextBoolean();
                    compact.importInteractions(rows, full);
                    reference.importInteractions(rows, full);
                } else if (what == 1 && random.nextInt(5) == 0) {
                    compact.clearInteractions();
                    reference.clearInteractions();
                } else {
                    RecordedEvent e = event(random);
                    assertThat(compact.record(e)).as("seed %d step %d", seed, step).isEqualTo(reference.record(e));
                    ids.add(e.sessionId());
                    if (e.userId() != null) {
                        ids.add(e.userId());
                    }
                }
                if (step % 97 == 0) {
                    assertSame(compact, reference, ids, random, seed + "/" + step);
                }
            }
            assertSame(compact, reference, ids, random, seed + "/end");
        }
    }

    private static void assertSame(GroupData compact, ReferenceGroupData reference, Set<String> ids,
                                   SplittableRandom random, String where) {
        assertThat(compact.eventCount()).as(where).isEqualTo(reference.eventCount());
        assertThat(compact.interactionCount()).as(where).isEqualTo(reference.interactionCount());
        for (String id : ids) {
            assertThat(compact.history(id)).as("%s history of %s", where, id).isEqualTo(reference.history(id));
        }
        assertThat(compact.history("nobody")).isEmpty();
        assertThat(compact.history(null)).isEmpty();
        int from = random.nextInt(reference.eventCount() + 2);
        assertThat(compact.eventsSince(from)).as(where).isEqualTo(reference.eventsSince(from));
        List<Interaction> each = new ArrayList<>();
        compact.forEachEventSince(from, each::add);
        assertThat(each).isEqualTo(reference.eventsSince(from));
        Dataset a = compact.trainingSet();
        Dataset b = reference.trainingSet();
        assertThat(sorted(a.interactions())).as(where).isEqualTo(sorted(b.interactions()));
    }

    private static List<Interaction> sorted(List<Interaction> list) {
        List<Interaction> copy = new ArrayList<>(list);
        copy.sort(ORDER);
        return copy;
    }

    private static RecordedEvent event(SplittableRandom random) {
        String session = "s" + random.nextInt(40);
        String user = random.nextInt(4) == 0 ? "u" + random.nextInt(12) : null;
        String item = random.nextInt(20) == 0 ? null : Integer.toString(random.nextInt(50));
        String type = random.nextInt(10) == 0 ? "" : random.nextBoolean() ? "view" : "rate";
        double value = random.nextInt(3) == 0 ? random.nextInt(5) + 1.0 : Double.NaN;
        // Mostly in order, sometimes late, sometimes the same millisecond.
        long time = 1_000_000L + random.nextInt(5000);
        return new RecordedEvent(user, session, item, time, type, value);
    }

    private static List<Interaction> imports(SplittableRandom random) {
        List<Interaction> rows = new ArrayList<>();
        for (int i = random.nextInt(30); i > 0; i--) {
            rows.add(new Interaction("u" + random.nextInt(12), Integer.toString(random.nextInt(50)),
                    1_000_000L + random.nextInt(5000), "watch", Double.NaN));
        }
        return rows;
    }
}
