package io.marquee.personalize.setup.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One dataset file being written: each row is checked against {@link RowRules} and either written
 * or counted under its reason, never both and never neither. Rows go to a temporary file beside
 * the target; {@link #publish} renames it into place in one step, so a reader (or an import job)
 * sees the previous file or the complete new one, never a half-written one. Closing without
 * publishing deletes the temporary file.
 *
 * <p>RFC 4180 CSV in UTF-8 (what Personalize's bulk import reads): the schema's field names as the
 * header, a field quoted only when it holds a comma, quote or line end, quotes doubled inside.
 */
public final class ValidatedCsv implements AutoCloseable {

    /**
     * What a file got: how many rows, how many records were refused for each reason (with the
     * first one's key), and how many were copies of a record already written (same event id).
     */
    public record Report(Path file, long rows, Map<String, Long> rejected, Map<String, String> firstRejected,
                         long duplicates) {

        public long rejectedTotal() {
            return rejected.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private final Path target;
    private final Path temporary;
    private final RowRules rules;
    private final CSVPrinter printer;
    private final Map<String, Long> rejected = new LinkedHashMap<>();
    private final Map<String, String> firstRejected = new LinkedHashMap<>();
    private long rows;
    private long duplicates;
    private boolean published;

    public ValidatedCsv(Path target, RowRules rules) {
        this.target = target;
        this.rules = rules;
        try {
            this.temporary = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
            Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
            this.printer = new CSVPrinter(out, FORMAT);
            printer.printRecord(rules.schema().header());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write beside " + target, e);
        }
    }

    /** Writes the row if it passes, else counts it under its reason. */
    public void accept(SourceRow row) {
        Optional<String> problem = Optional.ofNullable(row.problem()).or(() -> rules.check(row.values()));
        if (problem.isPresent()) {
            reject(problem.get(), row.key());
            return;
        }
        List<String> record = new ArrayList<>();
        for (DatasetSchema.Field field : rules.schema().fields()) {
            String value = row.values().get(field.name());
            record.add(value == null ? "" : value);
        }
        try {
            printer.printRecord(record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temporary, e);
        }
        rows++;
    }

    /** Counts a copy of a record already taken (a redelivered event): not written, not an error. */
    public void duplicate() {
        duplicates++;
    }

    private void reject(String reason, String key) {
        rejected.merge(reason, 1L, Long::sum);
        firstRejected.putIfAbsent(reason, key);
    }

    /** Flushes the rows to disk; the file is still the temporary one. */
    public Report finish() {
        try {
            printer.close(true);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temporary, e);
        }
        return new Report(target, rows, Collections.unmodifiableMap(new LinkedHashMap<>(rejected)),
                Collections.unmodifiableMap(new LinkedHashMap<>(firstRejected)), duplicates);
    }

    /** Moves the finished file into place (atomically: the old file or the new one, nothing between). */
    public void publish() {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            published = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + temporary + " to " + target, e);
        }
    }

    @Override
    public void close() {
        if (!published) {
            try {
                printer.close();
            } catch (IOException e) {
                // the temporary file goes anyway
            }
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // a leftover hidden .tmp file is harmless and named after its target
            }
        }
    }
}
