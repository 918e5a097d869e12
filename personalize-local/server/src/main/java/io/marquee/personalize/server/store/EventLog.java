package io.marquee.personalize.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.server.web.Input;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Each dataset group's append-only {@code events.jsonl}: what PutEvents, PutItems and PutUsers
 * recorded, one JSON object a line. A torn last line (a crash mid-append) is skipped on replay.
 * Appends take the log's own lock, so a slow disk never holds up resource lookups.
 */
final class EventLog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventLog.class);
    static final String FILE = "events.jsonl";

    private final Function<String, Path> groupDir;
    private final boolean fsync;
    private final Map<String, FileChannel> channels = new HashMap<>();

    EventLog(Function<String, Path> groupDir, boolean fsync) {
        this.groupDir = groupDir;
        this.fsync = fsync;
    }

    void logEvents(String groupArn, List<GroupData.RecordedEvent> events) {
        StringBuilder lines = new StringBuilder();
        for (GroupData.RecordedEvent e : events) {
            ObjectNode entry = Input.mapper().createObjectNode().put("k", "e").put("u", e.userId())
                    .put("s", e.sessionId()).put("i", e.itemId()).put("t", e.timestampMillis()).put("y", e.eventType());
            if (!Double.isNaN(e.eventValue())) {
                entry.put("v", e.eventValue());
            }
            lines.append(entry).append('\n');
        }
        append(groupArn, lines.toString());
    }

    void logMetadata(String groupArn, boolean items, String id, Map<String, String> fields) {
        ObjectNode entry = Input.mapper().createObjectNode().put("k", items ? "i" : "u").put("id", id);
        ObjectNode f = entry.putObject("f");
        fields.forEach(f::put);
        append(groupArn, entry + "\n");
    }

    private void append(String groupArn, String lines) {
        synchronized (channels) {
            try {
                FileChannel channel = channels.get(groupArn);
                if (channel == null) {
                    Path log = groupDir.apply(groupArn).resolve(FILE);
                    Files.createDirectories(log.getParent());
                    channel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
                    channels.put(groupArn, channel);
                }
                ByteBuffer bytes = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                if (fsync) {
                    channel.force(false);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not append to the event log of " + groupArn, e);
            }
        }
    }

    /** Replays a group's log into its data; unreadable lines are logged and skipped. */
    void replay(String groupArn, GroupData data) throws IOException {
        Path log = groupDir.apply(groupArn).resolve(FILE);
        if (!Files.exists(log)) {
            return;
        }
        int lines = 0;
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                try {
                    replay(data, (ObjectNode) Input.mapper().readTree(line));
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("%s line %d is unreadable (a write cut short?), skipped", log, lines);
                }
            }
        }
    }

    private static void replay(GroupData data, ObjectNode entry) {
        switch (entry.get("k").asText()) {
            case "e" -> data.record(new GroupData.RecordedEvent(text(entry, "u"), text(entry, "s"), text(entry, "i"),
                    entry.get("t").asLong(), entry.path("y").asText(""),
                    entry.hasNonNull("v") ? entry.get("v").asDouble() : Double.NaN));
            case "i" -> data.putItem(entry.get("id").asText(), fields(entry.get("f")));
            case "u" -> data.putUser(entry.get("id").asText(), fields(entry.get("f")));
            default -> throw new IllegalArgumentException("unknown entry");
        }
    }

    private static String text(ObjectNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Map<String, String> fields(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.put(e.getKey(), e.getValue().asText());
        }
        return fields;
    }

    /** Closes a group's log before its directory is deleted. */
    void closeGroup(String groupArn) throws IOException {
        synchronized (channels) {
            FileChannel log = channels.remove(groupArn);
            if (log != null) {
                log.close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (channels) {
            for (FileChannel channel : channels.values()) {
                channel.close();
            }
            channels.clear();
        }
    }
}
