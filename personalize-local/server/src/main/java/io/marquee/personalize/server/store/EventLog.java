package io.marquee.personalize.server.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.server.web.Input;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /**
     * Replays a group's log into its data; unreadable lines are logged and skipped. Keeps at most
     * {@code budget} events, the newest: older ones are dropped, and the group says so
     * ({@link GroupData#replayNote()}), rather than the replay running the process out of heap.
     * Item and user entries are always applied. Returns the number of events kept.
     */
    long replay(String groupArn, GroupData data, long budget, String why) throws IOException {
        Path log = groupDir.apply(groupArn).resolve(FILE);
        if (!Files.exists(log)) {
            return 0;
        }
        long total = countEvents(log);
        long drop = Math.max(0, total - Math.max(0, budget));
        data.reserve((int) Math.min(Integer.MAX_VALUE - 16, total - drop));
        Entry entry = new Entry();
        long lines = 0;
        long skipped = 0;
        long lastDroppedTime = Long.MIN_VALUE;
        try (LineReader reader = new LineReader(Files.newInputStream(log))) {
            while (reader.next()) {
                lines++;
                if (skipped < drop && reader.startsWith(EVENT_PREFIX)) {
                    // Not parsed at all: the oldest events are the ones that do not fit.
                    skipped++;
                    continue;
                }
                try {
                    entry.parse(reader.buffer(), reader.length());
                    entry.applyTo(data);
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("%s line %d is unreadable (a write cut short?), skipped", log, lines);
                }
            }
        }
        if (skipped > 0) {
            String note = String.format("personalize-local kept the newest %,d of the %,d events recorded in this dataset "
                    + "group and dropped the %,d oldest, which did not fit: %s. Models and histories lack them; "
                    + "give the server more heap (-Xmx) to keep them.", total - skipped, total, skipped, why);
            LOG.warnf("%s: %s", groupArn, note);
            data.droppedOldest((int) skipped, note);
        }
        return total - skipped;
    }

    private static final byte[] EVENT_PREFIX = "{\"k\":\"e\"".getBytes(StandardCharsets.UTF_8);

    /** The lines our writer wrote as events: a fast pass over the bytes, no parsing. */
    private static long countEvents(Path log) throws IOException {
        long n = 0;
        try (LineReader reader = new LineReader(Files.newInputStream(log))) {
            while (reader.next()) {
                if (reader.startsWith(EVENT_PREFIX)) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * One line of the log, read with Jackson's streaming parser into fields reused from line to
     * line (no tree per line). Reads what {@link #logEvents} and {@link #logMetadata} write, in any
     * field order, as the tree-based replay did: {@code "k"} e, i or u; absent "y" is "", absent or
     * null "v" is no value.
     */
    private static final class Entry {
        private final JsonFactory json = Input.mapper().getFactory();
        String kind;
        String user;
        String session;
        String item;
        boolean hasTime;
        long time;
        String type;
        double value;
        String id;
        Map<String, String> fields;

        void parse(byte[] line, int length) throws IOException {
            kind = user = session = item = type = id = null;
            hasTime = false;
            time = 0;
            value = Double.NaN;
            fields = null;
            try (JsonParser p = json.createParser(line, 0, length)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("not an object");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    boolean isNull = t == JsonToken.VALUE_NULL;
                    switch (name) {
                        case "k" -> kind = isNull ? null : p.getText();
                        case "u" -> user = isNull ? null : text(p);
                        case "s" -> session = isNull ? null : text(p);
                        case "i" -> item = isNull ? null : text(p);
                        case "t" -> {
                            hasTime = true;
                            time = isNull ? 0 : p.getValueAsLong();
                        }
                        case "y" -> type = isNull ? null : text(p);
                        case "v" -> value = isNull ? Double.NaN : p.getValueAsDouble();
                        case "id" -> id = isNull ? "null" : text(p);
                        case "f" -> fields = fields(p);
                        default -> p.skipChildren();
                    }
                }
            }
        }

        void applyTo(GroupData data) {
            if (kind == null) {
                throw new IllegalArgumentException("no kind");
            }
            switch (kind) {
                case "e" -> {
                    if (!hasTime) {
                        throw new IllegalArgumentException("no time");
                    }
                    data.record(user, session, item, time, type == null ? "" : type, value);
                }
                case "i" -> data.putItem(Objects.requireNonNull(id), Objects.requireNonNull(fields));
                case "u" -> data.putUser(Objects.requireNonNull(id), Objects.requireNonNull(fields));
                default -> throw new IllegalArgumentException("unknown entry");
            }
        }

        /** A value as text, as JsonNode.asText gave it (our writer only writes strings). */
        private static String text(JsonParser p) throws IOException {
            return p.currentToken().isScalarValue() && p.currentToken() != JsonToken.VALUE_NUMBER_FLOAT
                    ? p.getText() : p.readValueAsTree().toString();
        }

        private static Map<String, String> fields(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new IOException("fields are not an object");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_STRING) {
                    fields.put(key, p.getText());
                } else {
                    JsonNode node = p.readValueAsTree();
                    fields.put(key, node.asText());
                }
            }
            return fields;
        }
    }

    /** Lines of a file as bytes in a reused buffer; {@code \n} ends a line (a {@code \r} before it is JSON whitespace). */
    private static final class LineReader implements AutoCloseable {
        private final InputStream in;
        private final byte[] chunk = new byte[1 << 16];
        private int pos;
        private int limit;
        private byte[] line = new byte[1 << 10];
        private int length;

        LineReader(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            length = 0;
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    limit = in.read(chunk);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return any;
                    }
                }
                any = true;
                int start = pos;
                while (pos < limit && chunk[pos] != '\n') {
                    pos++;
                }
                append(start, pos - start);
                if (pos < limit) {
                    pos++;
                    return true;
                }
            }
        }

        private void append(int from, int n) {
            if (length + n > line.length) {
                line = Arrays.copyOf(line, Math.max(length + n, line.length * 2));
            }
            System.arraycopy(chunk, from, line, length, n);
            length += n;
        }

        boolean startsWith(byte[] prefix) {
            return length >= prefix.length && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
        }

        byte[] buffer() {
            return line;
        }

        int length() {
            return length;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
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
