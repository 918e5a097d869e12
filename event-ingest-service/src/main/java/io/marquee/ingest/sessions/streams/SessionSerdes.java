package io.marquee.ingest.sessions.streams;

import io.marquee.ingest.kafka.EventJson;
import io.marquee.ingest.sessions.service.SessionAggregate;
import io.marquee.ingest.sessions.service.SessionEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary serdes for what the sessions topology keeps and repartitions internally (its
 * state store, its changelog, the repartition topic). Every event writes its session id's
 * windows, and JSON through Jackson for that was once the topology's largest CPU cost; fields
 * written in order are a few times cheaper. Nothing outside the topology reads these bytes: the
 * {@code sessions} topic stays JSON.
 *
 * <p>The first byte is a format version. Values written as JSON by earlier releases (they start
 * with {@code '{'}) are still read, so state and changelogs survive an upgrade; an unreadable value
 * reads as null, as with JSON.
 */
public final class SessionSerdes {

    /** The format version of everything written here. */
    static final byte V1 = 1;

    public static final Serde<SessionAggregate> AGGREGATES = serde(SessionSerdes::write, SessionSerdes::readAggregate,
            SessionAggregate.class);
    public static final Serde<SessionEvent> EVENTS = serde(SessionSerdes::write, SessionSerdes::readEvent,
            SessionEvent.class);
    /** The sessioniser's store value (ADR 34): one session id's windows. Never written as JSON. */
    static final Serde<SessionsOfId> WINDOWS = serde(SessionSerdes::write, SessionSerdes::readWindows,
            SessionsOfId.class);

    private SessionSerdes() {
    }

    private static <T> Serde<T> serde(Function<T, byte[]> write, Function<ByteBuffer, T> read, Class<T> type) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : write.apply(value);
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null || bytes.length == 0) {
                return null;
            }
            if (bytes[0] == '{') {
                return EventJson.read(new String(bytes, StandardCharsets.UTF_8), type);
            }
            if (bytes[0] != V1) {
                return null;
            }
            try {
                return read.apply(ByteBuffer.wrap(bytes, 1, bytes.length - 1));
            } catch (RuntimeException e) {
                return null;
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static byte[] write(SessionAggregate a) {
        return aggregate(new Out(128 + 16 * a.items().size()), a).bytes();
    }

    private static Out aggregate(Out out, SessionAggregate a) {
        out.string(a.sessionId()).string(a.userId()).instant(a.start()).string(a.entryPage()).instant(a.end())
                .string(a.exitPage()).varLong(a.events()).varLong(a.items().size());
        for (String item : a.items()) {
            out.string(item);
        }
        return out.string(a.device()).instant(a.firstView()).instant(a.lastRate());
    }

    // A session id's windows: their count, then each as an emitted flag (0/1) and its aggregate.
    static byte[] write(SessionsOfId s) {
        Out out = new Out(16 + 160 * s.windows().size());
        out.varLong(s.windows().size());
        for (SessionsOfId.Window w : s.windows()) {
            aggregate(out.varLong(w.emitted() ? 1 : 0), w.session());
        }
        return out.bytes();
    }

    static SessionsOfId readWindows(ByteBuffer in) {
        int n = Math.toIntExact(varLong(in));
        List<SessionsOfId.Window> windows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean emitted = varLong(in) == 1;
            windows.add(new SessionsOfId.Window(readAggregate(in), emitted));
        }
        return new SessionsOfId(List.copyOf(windows));
    }

    static SessionAggregate readAggregate(ByteBuffer in) {
        String sessionId = string(in);
        String userId = string(in);
        Instant start = instant(in);
        String entryPage = string(in);
        Instant end = instant(in);
        String exitPage = string(in);
        long events = varLong(in);
        int n = Math.toIntExact(varLong(in));
        List<String> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(string(in));
        }
        return new SessionAggregate(sessionId, userId, start, entryPage, end, exitPage, events,
                List.copyOf(items), string(in), instant(in), instant(in));
    }

    static byte[] write(SessionEvent e) {
        return new Out(96).string(e.sessionId()).string(e.userId()).string(e.itemId()).string(e.eventType())
                .instant(e.sentAt()).string(e.device()).string(e.page()).bytes();
    }

    static SessionEvent readEvent(ByteBuffer in) {
        return new SessionEvent(string(in), string(in), string(in), string(in), instant(in), string(in), string(in));
    }

    // Strings: length + 1 as a var-long (0 for null), then UTF-8. Instants: a presence byte, then
    // seconds (var-long, zig-zag) and nanos (var-long).

    private static String string(ByteBuffer in) {
        int length = Math.toIntExact(varLong(in)) - 1;
        if (length < 0) {
            return null;
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private static Instant instant(ByteBuffer in) {
        if (in.get() == 0) {
            return null;
        }
        long z = varLong(in);
        long seconds = (z >>> 1) ^ -(z & 1);
        return Instant.ofEpochSecond(seconds, varLong(in));
    }

    private static long varLong(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed var-long");
    }

    /** An append-only byte buffer that starts with the format version. */
    private static final class Out {
        private byte[] buf;
        private int pos;

        Out(int capacity) {
            buf = new byte[capacity];
            buf[pos++] = V1;
        }

        Out string(String s) {
            if (s == null) {
                return varLong(0);
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varLong(utf8.length + 1L);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, buf, pos, utf8.length);
            pos += utf8.length;
            return this;
        }

        Out instant(Instant at) {
            ensure(1);
            if (at == null) {
                buf[pos++] = 0;
                return this;
            }
            buf[pos++] = 1;
            long seconds = at.getEpochSecond();
            return varLong((seconds << 1) ^ (seconds >> 63)).varLong(at.getNano());
        }

        Out varLong(long value) {
            ensure(10);
            while ((value & ~0x7fL) != 0) {
                buf[pos++] = (byte) ((value & 0x7f) | 0x80);
                value >>>= 7;
            }
            buf[pos++] = (byte) value;
            return this;
        }

        private void ensure(int more) {
            if (pos + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, pos);
        }
    }
}
