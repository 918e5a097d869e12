package io.marquee.personalize.server.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A dataset schema as CreateSchema takes it: an Avro record whose fields are the dataset's
 * columns. Apache Avro parses it (names, types, duplicates: what Avro itself refuses is refused);
 * on top, only what Personalize accepts is accepted: each field a primitive or a union of one
 * primitive with {@code null}, {@code categorical} only on strings. Every problem is an
 * InvalidInputException naming the field, so a typo fails at CreateSchema rather than at import.
 */
public record AvroSchema(String name, List<Field> fields) {

    /** One column: its Avro primitive type, whether {@code null} is allowed, whether categorical. */
    public record Field(String name, String type, boolean nullable, boolean categorical) {
    }

    private static final Map<Schema.Type, String> PRIMITIVES = Map.of(Schema.Type.STRING, "string",
            Schema.Type.INT, "int", Schema.Type.LONG, "long", Schema.Type.FLOAT, "float",
            Schema.Type.DOUBLE, "double", Schema.Type.BOOLEAN, "boolean");
    /** Avro names a field whose type it cannot resolve like this. */
    private static final Pattern FIELD_IN_MESSAGE = Pattern.compile("type of the \"([A-Za-z0-9_]+)\" field");

    public static AvroSchema parse(String json) {
        JsonNode root = Input.parseEmbedded("schema", json);
        Schema schema;
        try {
            schema = new Schema.Parser().parse(json);
        } catch (SchemaParseException e) {
            throw AwsException.invalid("schema: " + where(root, e.getMessage()) + e.getMessage());
        } catch (RuntimeException e) {
            // Avro signals some malformed schemas with other exceptions (an undefined type, say).
            throw AwsException.invalid("schema: " + where(root, e.getMessage()) + "not a valid Avro schema: "
                    + e.getMessage());
        }
        if (schema.getType() != Schema.Type.RECORD) {
            throw AwsException.invalid("schema: type must be \"record\"");
        }
        if (schema.getFields().isEmpty()) {
            throw AwsException.invalid("schema: fields must be a non-empty array");
        }
        List<Field> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Schema.Field f : schema.getFields()) {
            String where = "schema: fields[" + f.pos() + "]";
            String name = f.name();
            if (name.length() > 150) {
                throw AwsException.invalid(where + ".name '" + name + "' is longer than 150 characters");
            }
            if (!seen.add(name.toUpperCase(Locale.ROOT))) {
                throw AwsException.invalid(where + ".name '" + name + "' appears twice");
            }
            Schema type = f.schema();
            boolean nullable = false;
            if (type.getType() == Schema.Type.UNION) {
                List<Schema> members = type.getTypes();
                nullable = members.stream().anyMatch(m -> m.getType() == Schema.Type.NULL);
                List<Schema> values = members.stream().filter(m -> m.getType() != Schema.Type.NULL).toList();
                if (values.size() != 1) {
                    throw AwsException.invalid(where + ".type: a union may hold \"null\" and one primitive type");
                }
                type = values.get(0);
            }
            String primitive = type.getLogicalType() == null ? PRIMITIVES.get(type.getType()) : null;
            if (primitive == null) {
                throw AwsException.invalid(where + ".type must be one of " + Set.copyOf(PRIMITIVES.values())
                        + " or a union of one of them with \"null\"");
            }
            boolean categorical = Boolean.TRUE.equals(f.getObjectProp("categorical"));
            if (categorical && !"string".equals(primitive)) {
                throw AwsException.invalid(where + ": only string fields can be categorical");
            }
            fields.add(new Field(name, primitive, nullable, categorical));
        }
        return new AvroSchema(schema.getName(), List.copyOf(fields));
    }

    /**
     * "fields[2].type: " when Avro's message names a field of the schema, or a type name only
     * that field uses (Avro 1.12 reports an unknown type as "Undefined schema: ns.date"), else "".
     */
    private static String where(JsonNode root, String message) {
        String text = message == null ? "" : message;
        JsonNode fields = root.path("fields");
        Matcher named = FIELD_IN_MESSAGE.matcher(text);
        String field = named.find() ? named.group(1) : null;
        for (int i = 0; i < fields.size(); i++) {
            JsonNode f = fields.get(i);
            if (f.path("name").asText().equals(field)) {
                return "fields[" + i + "].type: ";
            }
            List<JsonNode> types = new ArrayList<>();
            if (f.path("type").isArray()) {
                f.path("type").forEach(types::add);
            } else {
                types.add(f.path("type"));
            }
            for (JsonNode t : types) {
                if (t.isTextual() && !PRIMITIVES.containsValue(t.asText()) && !"null".equals(t.asText())
                        && Pattern.compile("\\b" + Pattern.quote(t.asText()) + "\\b").matcher(text).find()) {
                    return "fields[" + i + "].type: ";
                }
            }
        }
        return "";
    }

    public Optional<Field> field(String column) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(column)).findFirst();
    }

    /** Checks that the schema has the columns a dataset of this type needs, with usable types. */
    public void checkFor(DatasetType datasetType) {
        for (String required : datasetType.requiredColumns()) {
            Field f = field(required).orElseThrow(() -> AwsException.invalid("schemaArn: a schema for a "
                    + datasetType.wireName() + " dataset needs a " + required + " field"));
            if (f.nullable()) {
                throw AwsException.invalid("schemaArn: " + required + " must not be nullable");
            }
            if ("TIMESTAMP".equals(required) && !"long".equals(f.type())) {
                throw AwsException.invalid("schemaArn: TIMESTAMP must be of type long (epoch seconds)");
            }
            if (required.endsWith("_ID") && !"string".equals(f.type())) {
                throw AwsException.invalid("schemaArn: " + required + " must be of type string");
            }
        }
        field("EVENT_VALUE").ifPresent(f -> {
            if (!"float".equals(f.type()) && !"double".equals(f.type())) {
                throw AwsException.invalid("schemaArn: EVENT_VALUE must be of type float or double");
            }
        });
    }
}
