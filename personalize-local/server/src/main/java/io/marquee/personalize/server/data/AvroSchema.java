package io.marquee.personalize.server.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A dataset schema as CreateSchema takes it: an Avro record whose fields are the dataset's
 * columns. Only what Personalize accepts is accepted; every problem is an InvalidInputException
 * naming the field, so a typo fails at CreateSchema rather than at import.
 */
public record AvroSchema(String name, List<Field> fields) {

    /** One column: its Avro primitive type, whether {@code null} is allowed, whether categorical. */
    public record Field(String name, String type, boolean nullable, boolean categorical) {
    }

    private static final Set<String> PRIMITIVES = Set.of("string", "int", "long", "float", "double", "boolean");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public static AvroSchema parse(String json) {
        JsonNode root = Input.parseEmbedded("schema", json);
        if (!"record".equals(root.path("type").asText())) {
            throw AwsException.invalid("schema: type must be \"record\"");
        }
        if (!root.path("name").isTextual() || root.path("name").asText().isBlank()) {
            throw AwsException.invalid("schema: name is required");
        }
        JsonNode fieldsNode = root.get("fields");
        if (fieldsNode == null || !fieldsNode.isArray() || fieldsNode.isEmpty()) {
            throw AwsException.invalid("schema: fields must be a non-empty array");
        }
        List<Field> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fieldsNode.size(); i++) {
            JsonNode f = fieldsNode.get(i);
            String where = "schema: fields[" + i + "]";
            if (!f.isObject() || !f.path("name").isTextual()) {
                throw AwsException.invalid(where + " must be an object with a name");
            }
            String name = f.get("name").asText();
            if (!FIELD_NAME.matcher(name).matches() || name.length() > 150) {
                throw AwsException.invalid(where + ".name '" + name + "' must match " + FIELD_NAME.pattern());
            }
            if (!seen.add(name.toUpperCase(Locale.ROOT))) {
                throw AwsException.invalid(where + ".name '" + name + "' appears twice");
            }
            JsonNode typeNode = f.get("type");
            String type = null;
            boolean nullable = false;
            if (typeNode != null && typeNode.isTextual()) {
                type = typeNode.asText();
            } else if (typeNode != null && typeNode.isArray()) {
                for (JsonNode member : typeNode) {
                    if ("null".equals(member.asText())) {
                        nullable = true;
                    } else if (type == null && member.isTextual()) {
                        type = member.asText();
                    } else {
                        throw AwsException.invalid(where + ".type: a union may hold \"null\" and one primitive type");
                    }
                }
            }
            if (type == null || !PRIMITIVES.contains(type)) {
                throw AwsException.invalid(where + ".type must be one of " + PRIMITIVES
                        + " or a union of one of them with \"null\"");
            }
            JsonNode categoricalNode = f.get("categorical");
            boolean categorical = categoricalNode != null && categoricalNode.asBoolean(false);
            if (categorical && !"string".equals(type)) {
                throw AwsException.invalid(where + ": only string fields can be categorical");
            }
            fields.add(new Field(name, type, nullable, categorical));
        }
        return new AvroSchema(root.get("name").asText(), List.copyOf(fields));
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
