package io.marquee.user.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.user.history.service.History;
import io.marquee.user.history.service.RatedItem;
import io.marquee.user.history.service.ViewedItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The merge rules of the history lists, without booting Quarkus. */
class HistoryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static History apply(List<UnaryOperator<History>> events) {
        History history = History.EMPTY;
        for (UnaryOperator<History> event : events) {
            history = event.apply(history);
        }
        return history;
    }

    @Test
    void theResultDoesNotDependOnArrivalOrderOrRepetition() {
        List<UnaryOperator<History>> events = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            String item = "item-" + random.nextInt(80);
            Instant at = T0.plusSeconds(random.nextInt(1000));
            String eventId = "e-" + i;
            double rating = (random.nextInt(10) + 1) / 2.0;
            events.add(h -> h.withViewed(item, at, 50));
            events.add(h -> h.withRated(item, rating, at, eventId, 50));
        }
        History inOrder = apply(events);
        List<UnaryOperator<History>> shuffledTwice = new ArrayList<>(events);
        shuffledTwice.addAll(events);
        Collections.shuffle(shuffledTwice, new Random(99));
        assertThat(apply(shuffledTwice)).isEqualTo(inOrder);
        assertThat(inOrder.viewed()).hasSize(50);
        assertThat(inOrder.viewed()).extracting(ViewedItem::itemId).doesNotHaveDuplicates();
        assertThat(inOrder.rated()).extracting(RatedItem::itemId).doesNotHaveDuplicates();
        assertThat(inOrder.viewed()).extracting(ViewedItem::at).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aRepeatedEventReturnsTheSameHistory() {
        History once = History.EMPTY.withViewed("a", T0, 50).withRated("a", 3.5, T0, "e1", 50);
        assertThat(once.withViewed("a", T0, 50)).isSameAs(once);
        assertThat(once.withRated("a", 3.5, T0, "e1", 50)).isSameAs(once);
        assertThat(once.withViewed("a", T0.minusSeconds(1), 50)).isSameAs(once);
    }

    @Test
    void aNewerRatingReplacesAnOlderOneAndTiesGoToTheLargerEventId() {
        History history = History.EMPTY.withRated("a", 1.0, T0, "e1", 50).withRated("a", 4.0, T0.plusSeconds(1), "e0", 50);
        assertThat(history.rated()).containsExactly(new RatedItem("a", 4.0, T0.plusSeconds(1), "e0"));
        History tie = History.EMPTY.withRated("b", 2.0, T0, "e2", 50).withRated("b", 5.0, T0, "e9", 50);
        History tieReversed = History.EMPTY.withRated("b", 5.0, T0, "e9", 50).withRated("b", 2.0, T0, "e2", 50);
        assertThat(tie).isEqualTo(tieReversed);
        assertThat(tie.rated().get(0).rating()).isEqualTo(5.0);
    }
}
