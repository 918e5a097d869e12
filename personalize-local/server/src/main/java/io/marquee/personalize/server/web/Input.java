package io.marquee.personalize.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One request body, read the way AWS reads it: unknown members are ignored, and every constraint
 * of the service model is checked here with an {@code InvalidInputException} naming the member
 * (with its path, e.g. {@code eventList[2].sentAt}). The SDK itself validates nothing, so this is
 * the only line of defence against lengths, patterns, ranges and wrong JSON types.
 */
public final class Input {

    /** Personalize's ARN pattern for every ARN member. */
    public static final Pattern ARN = Pattern.compile("arn:([a-z\\d-]+):personalize:.*:.*:.+");
    /** Personalize's resource names. */
    public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_]*");

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Deeply nested or enormous documents are refused by the parser itself, before they cost memory.
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(5_000_000).build());
    }

    private final ObjectNode node;
    private final String path;

    private Input(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Parses a body; an empty body counts as {@code {}} (what the SDK sends for an empty request). */
    public static Input parse(byte[] body) {
        return parse(body == null ? InputStream.nullInputStream() : new ByteArrayInputStream(body));
    }

    /**
     * As {@link #parse(byte[])}, reading the body as it streams in: the parser's recycled buffers
     * instead of a copy of the whole body first (the largest allocation of a recommendation request).
     * An empty stream counts as {@code {}}.
     */
    public static Input parse(InputStream body) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw AwsException.invalid("The request body is not valid JSON" + where);
        } catch (IOException e) {
            throw AwsException.invalid("The request body could not be read");
        }
        if (parsed == null || parsed.isMissingNode()) {
            return new Input(JSON.createObjectNode(), "");
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw AwsException.invalid("The request body must be a JSON object");
        }
        return new Input(object, "");
    }

    public static Input of(ObjectNode node) {
        return new Input(node, "");
    }

    /** A nested object read on its own; {@code path} prefixes the member names in messages. */
    public static Input of(ObjectNode node, String path) {
        return new Input(node, path);
    }

    public ObjectNode node() {
        return node;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public String field(String name) {
        return path + name;
    }

    public String string(String field, boolean required, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw AwsException.invalid(field(field) + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw AwsException.invalid(field(field) + " must be a string");
        }
        String text = value.textValue();
        if (text.length() < min || text.length() > max) {
            throw AwsException.invalid(field(field) + " must be " + min + " to " + max + " characters long");
        }
        return text;
    }

    public String string(String field, boolean required, int min, int max, Pattern pattern) {
        String text = string(field, required, min, max);
        if (text != null && !pattern.matcher(text).matches()) {
            throw AwsException.invalid(field(field) + " must match " + pattern.pattern());
        }
        return text;
    }

    /** An ARN member: at most 256 characters of Personalize's ARN pattern. */
    public String arn(String field, boolean required) {
        return string(field, required, 0, 256, ARN);
    }

    /** A resource name: 1 to 63 letters, digits, dashes and underscores, starting alphanumeric. */
    public String name(String field) {
        return string(field, true, 1, 63, NAME);
    }

    public String oneOf(String field, boolean required, List<String> allowed) {
        String text = string(field, required, 0, 256);
        if (text != null && !allowed.contains(text)) {
            throw AwsException.invalid(field(field) + " must be one of " + String.join(", ", allowed));
        }
        return text;
    }

    public Integer integer(String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw AwsException.invalid(field(field) + " must be a whole number");
        }
        int number = value.intValue();
        if (number < min || number > max) {
            throw AwsException.invalid(field(field) + " must be between " + min + " and " + max);
        }
        return number;
    }

    public Double number(String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw AwsException.invalid(field(field) + " is required");
            }
            return null;
        }
        if (!value.isNumber()) {
            throw AwsException.invalid(field(field) + " must be a number");
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
            throw AwsException.invalid(field(field) + " must be a finite number");
        }
        return number;
    }

    public Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw AwsException.invalid(field(field) + " must be true or false");
        }
        return value.booleanValue();
    }

    public Input object(String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw AwsException.invalid(field(field) + " is required");
            }
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            throw AwsException.invalid(field(field) + " must be an object");
        }
        return new Input(object, field(field) + ".");
    }

    private List<JsonNode> array(String field, boolean required, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw AwsException.invalid(field(field) + " is required");
            }
            return null;
        }
        if (!value.isArray()) {
            throw AwsException.invalid(field(field) + " must be an array");
        }
        if (value.size() < min || value.size() > max) {
            throw AwsException.invalid(field(field) + " must have " + min + " to " + max + " entries");
        }
        List<JsonNode> entries = new ArrayList<>(value.size());
        value.forEach(entries::add);
        return entries;
    }

    public List<Input> objects(String field, boolean required, int min, int max) {
        List<JsonNode> entries = array(field, required, min, max);
        if (entries == null) {
            return null;
        }
        List<Input> objects = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof ObjectNode object)) {
                throw AwsException.invalid(field(field) + "[" + i + "] must be an object");
            }
            objects.add(new Input(object, field(field) + "[" + i + "]."));
        }
        return objects;
    }

    public List<String> strings(String field, boolean required, int min, int max, int maxLength) {
        List<JsonNode> entries = array(field, required, min, max);
        if (entries == null) {
            return null;
        }
        List<String> strings = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            if (!entry.isTextual()) {
                throw AwsException.invalid(field(field) + "[" + i + "] must be a string");
            }
            if (entry.textValue().isEmpty() || entry.textValue().length() > maxLength) {
                throw AwsException.invalid(field(field) + "[" + i + "] must be 1 to " + maxLength
                        + " characters long");
            }
            strings.add(entry.textValue());
        }
        return strings;
    }

    /** A map of strings with limits on entries, keys (and their pattern) and values. */
    public Map<String, String> stringMap(String field, int maxEntries, int maxKey, Pattern keyPattern, int maxValue) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw AwsException.invalid(field(field) + " must be an object");
        }
        if (value.size() > maxEntries) {
            throw AwsException.invalid(field(field) + " must have at most " + maxEntries + " entries");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (key.isEmpty() || key.length() > maxKey || (keyPattern != null && !keyPattern.matcher(key).matches())) {
                throw AwsException.invalid(field(field) + " key '" + truncate(key) + "' must be 1 to " + maxKey
                        + " characters" + (keyPattern == null ? "" : " matching " + keyPattern.pattern()));
            }
            if (!entry.getValue().isTextual()) {
                throw AwsException.invalid(field(field) + "." + truncate(key) + " must be a string");
            }
            if (entry.getValue().textValue().length() > maxValue) {
                throw AwsException.invalid(field(field) + "." + truncate(key) + " must be at most " + maxValue
                        + " characters long");
            }
            map.put(key, entry.getValue().textValue());
        }
        return map;
    }

    private static String truncate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** Parses a JSON document held in a string member (the events API's {@code properties}). */
    public static JsonNode parseEmbedded(String field, String json) {
        try {
            JsonNode parsed = JSON.readTree(json);
            if (parsed == null || !parsed.isObject()) {
                throw AwsException.invalid(field + " must be a JSON object serialized as a string");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw AwsException.invalid(field + " is not valid JSON");
        }
    }

    public static ObjectMapper mapper() {
        return JSON;
    }
}
