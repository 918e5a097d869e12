package io.marquee.devstack.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Amazon Personalize's interactions dataset file: header
 * {@code USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE}, EVENT_VALUE empty when an event has none.
 * Session ids are not part of the file; reading gives null sessions unless a SESSION_ID column exists.
 */
public final class InteractionsCsv {

    static final List<String> HEADER = List.of("USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE");

    private InteractionsCsv() {
    }

    public static void write(Path file, List<Interaction> interactions) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter.row(out, HEADER.toArray(String[]::new));
            for (Interaction i : interactions) {
                CsvWriter.row(out, i.userId(), i.itemId(), Long.toString(i.timestamp()), i.eventType(),
                        i.eventValue() == null ? "" : CsvWriter.number(i.eventValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reads a file written by {@link #write} (or by anyone following Personalize's format; columns may
     * come in any order). Strict: a malformed row fails the read with its line number.
     */
    public static List<Interaction> read(Path file) {
        try (CsvReader reader = CsvReader.open(file)) {
            CsvReader.CsvRecord header = reader.next();
            if (header == null || !header.wellFormed()) {
                throw new IllegalArgumentException(file + ": missing header " + String.join(",", HEADER));
            }
            List<String> names = header.fields().stream().map(n -> n.strip().toUpperCase(Locale.ROOT)).toList();
            int user = required(names, "USER_ID", file);
            int item = required(names, "ITEM_ID", file);
            int time = required(names, "TIMESTAMP", file);
            int type = names.indexOf("EVENT_TYPE");
            int value = names.indexOf("EVENT_VALUE");
            int session = names.indexOf("SESSION_ID");
            List<Interaction> result = new ArrayList<>();
            for (CsvReader.CsvRecord r = reader.next(); r != null; r = reader.next()) {
                if (!r.wellFormed() || r.size() != names.size()) {
                    throw new IllegalArgumentException(file + ":" + r.line() + ": "
                            + (r.wellFormed() ? "expected " + names.size() + " columns but found " + r.size() : r.problem()));
                }
                try {
                    String v = value < 0 ? "" : r.get(value).strip();
                    String s = session < 0 ? "" : r.get(session).strip();
                    result.add(new Interaction(r.get(user), r.get(item), Long.parseLong(r.get(time).strip()),
                            type < 0 ? "" : r.get(type), v.isEmpty() ? null : Double.valueOf(v), s.isEmpty() ? null : s));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + r.line() + ": not a number: " + e.getMessage(), e);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static int required(List<String> names, String column, Path file) {
        int index = names.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(file + ": header lacks " + column);
        }
        return index;
    }
}
