package io.marquee.devstack.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Amazon Personalize's items dataset file: {@code ITEM_ID,GENRES,YEAR,CREATION_TIMESTAMP}. GENRES is
 * categorical ({@code Action|Comedy}, Personalize's separator); CREATION_TIMESTAMP is the release year's
 * first day in epoch seconds, which is what the recipes use to tell new items from old. Empty when unknown.
 */
public final class ItemsCsv {

    public static final List<String> HEADER = List.of("ITEM_ID", "GENRES", "YEAR", "CREATION_TIMESTAMP");

    private ItemsCsv() {
    }

    public static void write(Path file, List<Movie> movies) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter.row(out, HEADER.toArray(String[]::new));
            for (Movie m : movies) {
                String year = m.year() == null ? "" : Integer.toString(m.year());
                String created = m.year() == null ? ""
                        : Long.toString(LocalDate.of(m.year(), 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
                CsvWriter.row(out, m.id(), String.join("|", m.genres()), year, created);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
