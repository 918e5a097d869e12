package io.marquee.personalize.engine.eval;

import io.marquee.personalize.engine.Interaction;
import io.marquee.personalize.engine.ItemMetadata;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads interactions in Personalize's format ({@code USER_ID,ITEM_ID,TIMESTAMP[,EVENT_TYPE,EVENT_VALUE]},
 * timestamps in epoch seconds) or MovieLens's {@code ratings.csv} ({@code userId,movieId,rating,timestamp}),
 * and MovieLens's {@code movies.csv} as item metadata.
 */
public final class InteractionsFile {

    public enum Format { PERSONALIZE, MOVIELENS }

    private InteractionsFile() {
    }

    /** The format the header says, or null when it says neither. */
    public static Format detect(String header) {
        String h = header.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("userid,movieid")) {
            return Format.MOVIELENS;
        }
        if (h.contains("user_id") && h.contains("item_id")) {
            return Format.PERSONALIZE;
        }
        return null;
    }

    public static List<Interaction> read(Path file, Format format) throws IOException {
        List<Interaction> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                return out;
            }
            Format f = format != null ? format : detect(header);
            if (f == null) {
                throw new IOException(file + ": header is neither Personalize's nor MovieLens's: " + header);
            }
            List<String> cols = split(header.toUpperCase(Locale.ROOT));
            int user = f == Format.MOVIELENS ? 0 : cols.indexOf("USER_ID");
            int item = f == Format.MOVIELENS ? 1 : cols.indexOf("ITEM_ID");
            int time = f == Format.MOVIELENS ? 3 : cols.indexOf("TIMESTAMP");
            int type = f == Format.MOVIELENS ? -1 : cols.indexOf("EVENT_TYPE");
            int value = f == Format.MOVIELENS ? 2 : cols.indexOf("EVENT_VALUE");
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> v = split(line);
                try {
                    String eventType = f == Format.MOVIELENS ? "rating" : type >= 0 && type < v.size() ? v.get(type) : "";
                    String ev = value >= 0 && value < v.size() ? v.get(value) : "";
                    out.add(new Interaction(v.get(user), v.get(item), (long) (Double.parseDouble(v.get(time)) * 1000),
                            eventType, ev.isEmpty() ? Double.NaN : Double.parseDouble(ev)));
                } catch (RuntimeException e) {
                    throw new IOException(file + " line " + lineNo + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    /** MovieLens {@code movies.csv} (movieId,title,genres) as item metadata; empty when the file is absent. */
    public static Map<String, ItemMetadata> readMovies(Path file) throws IOException {
        Map<String, ItemMetadata> items = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return items;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                List<String> v = split(line);
                if (v.size() >= 3) {
                    items.put(v.get(0), new ItemMetadata(v.get(0), Map.of("TITLE", v.get(1), "GENRES", v.get(2))));
                }
            }
        }
        return items;
    }

    /** One CSV line; double quotes enclose fields, a doubled quote is a quote. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    b.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }
}
