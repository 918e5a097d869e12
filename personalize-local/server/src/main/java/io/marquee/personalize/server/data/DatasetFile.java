package io.marquee.personalize.server.data;

import io.marquee.personalize.engine.Interaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates one dataset file against its schema, the way an import job does: the
 * header must name the schema's columns, required columns must be present and non-empty, values
 * must have the schema's types, and an interactions file needs at least two users and two items.
 * The first problem ends the import with a message naming its line.
 */
public final class DatasetFile {

    /** Why an import failed; the message is the job's failureReason. */
    public static final class InvalidFile extends Exception {
        public InvalidFile(String message) {
            super(message, null, false, false);
        }
    }

    /** The validated content: interactions, or item/user rows keyed by id (upper-case column names). */
    public record Content(List<Interaction> interactions, Map<String, Map<String, String>> rows) {
    }

    private DatasetFile() {
    }

    public static Content read(Path file, DatasetType type, AvroSchema schema) throws IOException, InvalidFile {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Csv csv = new Csv(reader);
            Csv.Row header;
            try {
                header = csv.next();
            } catch (IOException e) {
                throw new InvalidFile(e.getMessage());
            }
            if (header == null) {
                throw new InvalidFile("line 1: the file is empty; it needs a header row naming the columns");
            }
            List<AvroSchema.Field> columns = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String name : header.fields()) {
                String column = name.strip();
                if (column.startsWith("\uFEFF")) {
                    column = column.substring(1);
                }
                final String c = column;
                AvroSchema.Field field = schema.field(c).orElseThrow(() -> new InvalidFile("line "
                        + header.line() + ": column " + c + " is not a field of the schema"));
                if (!seen.add(field.name().toUpperCase(Locale.ROOT))) {
                    throw new InvalidFile("line " + header.line() + ": column " + c + " appears twice");
                }
                columns.add(field);
            }
            for (AvroSchema.Field field : schema.fields()) {
                if (!field.nullable() && !seen.contains(field.name().toUpperCase(Locale.ROOT))) {
                    throw new InvalidFile("line " + header.line() + ": the header has no " + field.name()
                            + " column, which the schema requires");
                }
            }
            return type == DatasetType.INTERACTIONS ? interactions(csv, columns) : rows(csv, columns, type);
        }
    }

    private static Map<String, String> values(Csv.Row row, List<AvroSchema.Field> columns) throws InvalidFile {
        if (row.fields().size() != columns.size()) {
            throw new InvalidFile("line " + row.line() + ": " + row.fields().size() + " values for "
                    + columns.size() + " columns");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            AvroSchema.Field field = columns.get(i);
            String value = row.fields().get(i);
            String column = field.name().toUpperCase(Locale.ROOT);
            if (value.isEmpty()) {
                if (!field.nullable()) {
                    throw new InvalidFile("line " + row.line() + ": " + field.name() + " is empty, but the schema "
                            + "does not allow null");
                }
                continue;
            }
            checkType(row.line(), field, value);
            values.put(column, value);
        }
        return values;
    }

    private static void checkType(int line, AvroSchema.Field field, String value) throws InvalidFile {
        try {
            switch (field.type()) {
                case "int" -> Integer.parseInt(value.strip());
                case "long" -> Long.parseLong(value.strip());
                case "float", "double" -> {
                    double d = Double.parseDouble(value.strip());
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException();
                    }
                }
                case "boolean" -> {
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        throw new NumberFormatException();
                    }
                }
                default -> {
                    if (value.length() > 1000 && !field.categorical()) {
                        // long free text is fine; ids are checked by the callers
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw new InvalidFile("line " + line + ": " + field.name() + " '" + shorten(value) + "' is not a "
                    + field.type());
        }
    }

    private static Content interactions(Csv csv, List<AvroSchema.Field> columns) throws IOException, InvalidFile {
        List<Interaction> interactions = new ArrayList<>();
        Set<String> users = new HashSet<>();
        Set<String> items = new HashSet<>();
        Csv.Row row;
        while ((row = next(csv)) != null) {
            Map<String, String> v = values(row, columns);
            String user = v.get("USER_ID");
            String item = v.get("ITEM_ID");
            checkId(row.line(), "USER_ID", user);
            checkId(row.line(), "ITEM_ID", item);
            long seconds = Long.parseLong(v.get("TIMESTAMP").strip());
            String eventType = v.getOrDefault("EVENT_TYPE", "");
            String value = v.get("EVENT_VALUE");
            double eventValue = value == null ? Double.NaN : Double.parseDouble(value.strip());
            interactions.add(new Interaction(user, item, seconds * 1000L, eventType, eventValue));
            users.add(user);
            items.add(item);
        }
        if (users.size() < 2 || items.size() < 2) {
            throw new InvalidFile("the file has " + users.size() + " user(s) and " + items.size()
                    + " item(s); an interactions dataset needs at least two users and two items");
        }
        return new Content(interactions, Map.of());
    }

    private static Content rows(Csv csv, List<AvroSchema.Field> columns, DatasetType type)
            throws IOException, InvalidFile {
        String idColumn = type == DatasetType.ITEMS ? "ITEM_ID" : "USER_ID";
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        Csv.Row row;
        while ((row = next(csv)) != null) {
            Map<String, String> v = values(row, columns);
            String id = v.get(idColumn);
            checkId(row.line(), idColumn, id);
            rows.put(id, Map.copyOf(v));
        }
        if (rows.isEmpty()) {
            throw new InvalidFile("the file has a header but no rows");
        }
        return new Content(List.of(), rows);
    }

    private static Csv.Row next(Csv csv) throws InvalidFile, IOException {
        try {
            return csv.next();
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("line ")) {
                throw new InvalidFile(e.getMessage());
            }
            throw e;
        }
    }

    private static void checkId(int line, String column, String id) throws InvalidFile {
        if (id.length() > 256) {
            throw new InvalidFile("line " + line + ": " + column + " is longer than 256 characters");
        }
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
