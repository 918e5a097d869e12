package io.marquee.devstack.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 CSV reader: comma separated, fields optionally quoted with {@code "}, a doubled quote
 * inside a quoted field is a literal quote, and a quoted field may span lines. Accepts LF, CRLF and CR
 * line ends, skips a leading byte-order mark and empty lines.
 *
 * <p>Each record carries the 1-based line it starts on, so callers can report errors precisely. A record
 * that breaks the quoting rules is returned with a {@code problem} instead of being thrown, so one bad
 * row does not end the import; reading resumes on the next line.
 */
public final class CsvReader implements Closeable {

    /** One record; {@code problem} is null when the record was well formed. */
    public record CsvRecord(long line, List<String> fields, String problem) {

        public CsvRecord {
            fields = List.copyOf(fields);
        }

        public boolean wellFormed() {
            return problem == null;
        }

        public int size() {
            return fields.size();
        }

        public String get(int index) {
            return fields.get(index);
        }
    }

    private static final int EOF = -1;

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int length;
    private int position;
    private long line = 1;
    private boolean started;

    public CsvReader(Reader in) {
        this.in = in;
    }

    public static CsvReader open(Path file) throws IOException {
        return new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /** Every record of {@code file}, in order. */
    public static List<CsvRecord> readAll(Path file) throws IOException {
        try (CsvReader reader = open(file)) {
            List<CsvRecord> records = new ArrayList<>();
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
            return records;
        }
    }

    /** The next record, or null at the end of the input. */
    public CsvRecord next() throws IOException {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                read();
            }
        }
        // Empty lines carry no record.
        while (true) {
            int c = peek();
            if (c == EOF) {
                return null;
            }
            if (c == '\n' || c == '\r') {
                consumeLineEnd();
            } else {
                break;
            }
        }
        long startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            int c = read();
            if (c == '"' && field.isEmpty()) {
                String problem = readQuoted(field);
                if (problem != null) {
                    skipRestOfLine();
                    return new CsvRecord(startLine, fields, problem);
                }
                int after = peek();
                if (after != ',' && after != '\n' && after != '\r' && after != EOF) {
                    skipRestOfLine();
                    return new CsvRecord(startLine, fields, "unexpected character after closing quote");
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r' || c == EOF) {
                if (c != EOF) {
                    unreadLineEnd(c);
                }
                fields.add(field.toString());
                return new CsvRecord(startLine, fields, null);
            } else if (c == '"') {
                skipRestOfLine();
                return new CsvRecord(startLine, fields, "quote inside an unquoted field");
            } else {
                field.append((char) c);
            }
        }
    }

    // Reads the rest of a quoted field (the opening quote is consumed); returns a problem or null.
    private String readQuoted(StringBuilder field) throws IOException {
        while (true) {
            int c = read();
            if (c == EOF) {
                return "unterminated quoted field";
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    field.append('"');
                } else {
                    return null;
                }
            } else if (c == '\r' || c == '\n') {
                // Keep the embedded line break as LF, but count it.
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                field.append('\n');
            } else {
                field.append((char) c);
            }
        }
    }

    // The record ended at a line break that read() consumed: finish consuming it and count the line.
    private void unreadLineEnd(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private void consumeLineEnd() throws IOException {
        int c = read();
        unreadLineEnd(c);
    }

    private void skipRestOfLine() throws IOException {
        while (true) {
            int c = read();
            if (c == EOF) {
                return;
            }
            if (c == '\n' || c == '\r') {
                unreadLineEnd(c);
                return;
            }
        }
    }

    private int peek() throws IOException {
        if (position == length && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private int read() throws IOException {
        if (position == length && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            length = 0;
            position = 0;
            return false;
        }
        length = n;
        position = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
