package io.marquee.devstack.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads RFC 4180 CSV with Apache Commons CSV, adding what importers need on top: each record
 * carries the 1-based line it starts on, and a record that breaks the quoting rules is returned
 * with a {@code problem} instead of ending the file, reading resuming on the next line. Skips a
 * leading byte-order mark and empty lines; line breaks inside quoted fields come out as LF.
 *
 * <p>As Commons CSV reads it, a quote inside an unquoted field ({@code 12" Single}) is an
 * ordinary character; only a quote that opens a field starts a quoted one.
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

    /** RFC 4180, with empty lines kept so that every record's first line can be counted. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    /** The parser's line count when a record failed, until that line has been passed; -1 otherwise. */
    private long failedOn = -1;

    public CsvReader(Reader in) throws IOException {
        this.parser = FORMAT.parse(withoutByteOrderMark(in));
        this.records = parser.iterator();
    }

    public static CsvReader open(Path file) throws IOException {
        return new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /** Every record of {@code file}, in order. */
    public static List<CsvRecord> readAll(Path file) throws IOException {
        try (CsvReader reader = open(file)) {
            List<CsvRecord> all = new ArrayList<>();
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                all.add(r);
            }
            return all;
        }
    }

    /** The next record, or null at the end of the input. */
    public CsvRecord next() throws IOException {
        while (true) {
            // The parser's line count before a record: the record starts on the line after it.
            long before = parser.getCurrentLineNumber();
            try {
                if (!records.hasNext()) {
                    return null;
                }
            } catch (UncheckedIOException e) {
                // Commons CSV goes on from the character where it stopped; what it reads until the
                // end of that line belongs to the bad record and is dropped (see below).
                failedOn = parser.getCurrentLineNumber();
                return new CsvRecord(before + 1, List.of(), problemOf(e.getCause()));
            }
            CSVRecord record = records.next();
            if (failedOn >= 0 && parser.getCurrentLineNumber() <= failedOn) {
                continue; // the rest of a malformed record's line
            }
            failedOn = -1;
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue; // an empty line carries no record
            }
            List<String> fields = new ArrayList<>(record.size());
            for (String value : record) {
                fields.add(value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n").replace('\r', '\n'));
            }
            return new CsvRecord(before + 1, fields, null);
        }
    }

    /** Commons CSV's reason, in the words the importers have always reported. */
    private static String problemOf(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "unterminated quoted field";
        }
        if (message.toLowerCase().contains("between encapsulated token and delimiter")) {
            return "unexpected character after closing quote";
        }
        return message;
    }

    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        PushbackReader pushback = new PushbackReader(in, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
