package io.marquee.personalize.setup.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * One dataset's columns, read from the Avro schema the tool creates the dataset with
 * ({@link io.marquee.personalize.setup.Schemas}), so the exported header and the created schema
 * cannot drift apart.
 *
 * @param name   the schema's record name ({@code Interactions}, {@code Items}, {@code Users})
 * @param fields in the schema's order, which is the file's column order
 */
public record DatasetSchema(String name, List<Field> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One column.
     *
     * @param type        the Avro type without {@code null}: string, int, long, float, double or boolean
     * @param nullable    whether the type is a union with {@code null} (the value may be empty)
     * @param categorical whether the string holds categories separated by {@code |}
     */
    public record Field(String name, String type, boolean nullable, boolean categorical) {
    }

    public DatasetSchema {
        fields = List.copyOf(fields);
    }

    /** Reads an Avro record schema as Personalize takes it. */
    public static DatasetSchema parse(String avro) {
        try {
            JsonNode root = JSON.readTree(avro);
            List<Field> fields = new ArrayList<>();
            for (JsonNode f : root.get("fields")) {
                JsonNode type = f.get("type");
                boolean nullable = false;
                String base = null;
                if (type.isArray()) {
                    for (JsonNode t : type) {
                        if ("null".equals(t.asText())) {
                            nullable = true;
                        } else {
                            base = t.asText();
                        }
                    }
                } else {
                    base = type.asText();
                }
                fields.add(new Field(f.get("name").asText(), base, nullable, f.path("categorical").asBoolean(false)));
            }
            return new DatasetSchema(root.get("name").asText(), fields);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an Avro record schema: " + e.getMessage(), e);
        }
    }

    /** The header row: the field names in order. */
    public List<String> header() {
        return fields.stream().map(Field::name).toList();
    }
}
