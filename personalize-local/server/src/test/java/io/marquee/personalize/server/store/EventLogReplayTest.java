package io.marquee.personalize.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.personalize.engine.Interaction;
import io.marquee.personalize.server.store.GroupData.RecordedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event log's replay: logs written before the streaming reader still load; a cap drops the oldest events. */
class EventLogReplayTest {

    private static final String GROUP = "arn:aws:personalize:us-east-1:000000000000:dataset-group/g";

    /**
     * Lines exactly as the tree-based writer wrote them (explicit nulls, values only on some
     * events), a hand-edited line with its fields in another order, metadata entries, a line
     * that is not JSON and a torn last line.
     */
    private static final String OLD_LOG = """
            {"k":"e","u":"d30e5ff3-dd78-4975-90b8-2e0e32b59564","s":"ratings:d30e5ff3","i":"2670","t":1796652709297,"y":"rate","v":4.0}
            {"k":"e","u":null,"s":"bench-12-123","i":"17","t":1796652709300,"y":"view"}
            {"k":"i","id":"17","f":{"GENRE":"Comedy|Drama","CREATION_TIMESTAMP":"1700000000"}}
            {"k":"e","u":null,"s":"bench-12-123","i":"18","t":1796652709299,"y":"view"}
            {"k":"u","id":"u-1","f":{"AGE":"41"}}
            {"y":"click","t":1796652709400,"i":"19","s":"bench-12-124","k":"e","v":0.5,"u":null}
            {"k":"e","u":"u-1","s":"bench-12-123","i":null,"t":1796652709500,"y":"login"}
            {"k":"e","u":null,"s":"bench-12-123","i":"20","t":1796652709600}
            not json at all
            {"k":"e","u":null,"s":"bench-12-123","i":"21","t":17966527
            """.stripTrailing();

    @TempDir
    Path dir;

    @Test
    void aLogWrittenByTheTreeBasedWriterStillReplays() throws IOException {
        Files.writeString(dir.resolve(EventLog.FILE), OLD_LOG);
        GroupData replayed = new GroupData();
        try (EventLog log = new EventLog(g -> dir, false)) {
            assertThat(log.replay(GROUP, replayed, Long.MAX_VALUE, "unlimited")).isEqualTo(6);
        }

        GroupData expected = new GroupData();
        expected.record(new RecordedEvent("d30e5ff3-dd78-4975-90b8-2e0e32b59564", "ratings:d30e5ff3", "2670",
                1796652709297L, "rate", 4.0));
        expected.record(new RecordedEvent(null, "bench-12-123", "17", 1796652709300L, "view", Double.NaN));
        expected.record(new RecordedEvent(null, "bench-12-123", "18", 1796652709299L, "view", Double.NaN));
        expected.record(new RecordedEvent(null, "bench-12-124", "19", 1796652709400L, "click", 0.5));
        expected.record(new RecordedEvent("u-1", "bench-12-123", null, 1796652709500L, "login", Double.NaN));
        expected.record(new RecordedEvent(null, "bench-12-123", "20", 1796652709600L, "", Double.NaN));

        assertThat(replayed.eventCount()).isEqualTo(6);
        assertThat(replayed.eventsSince(0)).isEqualTo(expected.eventsSince(0));
        for (String id : List.of("d30e5ff3-dd78-4975-90b8-2e0e32b59564", "bench-12-123", "bench-12-124", "u-1")) {
            assertThat(replayed.history(id)).as(id).isEqualTo(expected.history(id));
        }
        // The session was tied to u-1: its views, in time order, are u-1's now, and so is the later one.
        assertThat(replayed.history("u-1")).extracting(Interaction::itemId).containsExactly("18", "17", "20");
        assertThat(replayed.item("17")).isEqualTo(Map.of("ITEM_ID", "17", "GENRE", "Comedy|Drama",
                "CREATION_TIMESTAMP", "1700000000"));
        assertThat(replayed.user("u-1")).isEqualTo(Map.of("USER_ID", "u-1", "AGE", "41"));
        assertThat(replayed.itemPutCount()).isEqualTo(1);
        assertThat(replayed.replayNote()).isNull();
    }

    @Test
    void whatTheNewWriterWritesReplaysToTheSameData() throws IOException {
        GroupData live = new GroupData();
        List<RecordedEvent> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            events.add(new RecordedEvent(i % 7 == 0 ? "user-" + i % 5 : null, "session-" + i % 11,
                    i % 13 == 0 ? null : "item \"" + i % 40 + "\" ü", 1_000L + i * 3 % 101, i % 3 == 0 ? "rate" : "view",
                    i % 3 == 0 ? i % 5 : Double.NaN));
        }
        try (EventLog log = new EventLog(g -> dir, false)) {
            log.logEvents(GROUP, events);
            log.logMetadata(GROUP, true, "item \"1\" ü", Map.of("GENRE", "Drama"));
        }
        events.forEach(live::record);
        live.putItem("item \"1\" ü", Map.of("GENRE", "Drama"));

        GroupData replayed = new GroupData();
        try (EventLog log = new EventLog(g -> dir, false)) {
            log.replay(GROUP, replayed, Long.MAX_VALUE, "unlimited");
        }
        assertThat(replayed.eventsSince(0)).isEqualTo(live.eventsSince(0));
        for (int s = 0; s < 11; s++) {
            assertThat(replayed.history("session-" + s)).isEqualTo(live.history("session-" + s));
        }
        assertThat(replayed.item("item \"1\" ü")).isEqualTo(live.item("item \"1\" ü"));
    }

    @Test
    void beyondTheCapTheOldestEventsAreDroppedAndTheGroupSaysSo() throws IOException {
        List<RecordedEvent> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            events.add(new RecordedEvent(null, "s" + i % 10, Integer.toString(i), 10_000L + i, "view", Double.NaN));
        }
        try (EventLog log = new EventLog(g -> dir, false)) {
            log.logEvents(GROUP, events.subList(0, 500));
            log.logMetadata(GROUP, true, "7", Map.of("GENRE", "Drama"));
            log.logEvents(GROUP, events.subList(500, 1000));
        }
        GroupData capped = new GroupData();
        try (EventLog log = new EventLog(g -> dir, false)) {
            assertThat(log.replay(GROUP, capped, 300, "personalize.max-events is 300")).isEqualTo(300);
        }
        // Numbering goes on from the whole log, so models' eventsAtTraining still point at the same events.
        assertThat(capped.eventCount()).isEqualTo(1000);
        assertThat(capped.interactionCount()).isEqualTo(300);
        assertThat(capped.eventsSince(0)).hasSize(300).first().extracting(Interaction::itemId).isEqualTo("700");
        assertThat(capped.eventsSince(990)).extracting(Interaction::itemId)
                .containsExactly("990", "991", "992", "993", "994", "995", "996", "997", "998", "999");
        assertThat(capped.history("s3")).extracting(Interaction::itemId).first().isEqualTo("703");
        // Metadata is never dropped, only events.
        assertThat(capped.item("7")).containsEntry("GENRE", "Drama");
        assertThat(capped.replayNote()).contains("kept the newest 300 of the 1,000 events")
                .contains("dropped the 700 oldest").contains("personalize.max-events is 300");
    }
}
