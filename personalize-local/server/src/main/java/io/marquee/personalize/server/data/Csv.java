package io.marquee.personalize.server.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV, as Personalize reads its dataset files (quoted fields may hold commas, quotes
 * ({@code ""}) and line breaks), read by Apache Commons CSV. Each record knows the line it
 * started on, for error messages; blank lines are skipped.
 */
public final class Csv {

    /** One record and the 1-based line it starts on. */
    public record Row(int line, List<String> fields) {
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    public Csv(Reader in) throws IOException {
        // Empty lines come through as records (and are skipped below) so the line count stays exact.
        this.parser = CSVParser.builder().setReader(in).setFormat(CSVFormat.RFC4180).get();
        this.records = parser.iterator();
    }

    /** The next record, or null at the end of the input. Blank lines are skipped. */
    public Row next() throws IOException {
        while (true) {
            int start = (int) parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CharacterCodingException notText) {
                    throw notText;
                }
                throw new IOException("line " + start + ": " + describe(e.getCause()), e.getCause());
            }
            List<String> fields = record.toList();
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            return new Row(start, fields);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.contains("EOF reached before encapsulated token finished") ? "a quoted field is not closed"
                : message.replaceFirst("^Invalid character", "invalid character");
    }
}
