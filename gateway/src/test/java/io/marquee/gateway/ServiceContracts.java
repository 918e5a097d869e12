package io.marquee.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The services' own OpenAPI documents (written by each service's build to
 * {@code docs/api/services/<service>/}) as a check on {@link FakeServices}: a fake may only answer
 * a route the service has, with a status the service documents, the headers it promises and no
 * field its schema does not name. A fake that drifts from its service then fails the gateway test
 * that used it, instead of letting the gateway be tested against an answer no service gives.
 */
final class ServiceContracts {

    private static final Path SERVICE_DOCS = Path.of("..", "docs", "api", "services");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

    private ServiceContracts() {
    }

    /**
     * What is wrong with an answer {@code service} gave, empty when it keeps to the contract.
     *
     * @param service the service's module name, e.g. {@code catalog-service}
     * @param headers response header names the answer carries (case-insensitive)
     */
    static List<String> check(String service, String method, String path, int status, String body,
                              List<String> headers) {
        JsonNode document = DOCUMENTS.computeIfAbsent(service, ServiceContracts::load);
        JsonNode operation = operation(document, method, path);
        List<String> problems = new ArrayList<>();
        if (operation == null) {
            if (status != 404) {
                problems.add(method + " " + path + " is no route of " + service);
            }
            return problems;
        }
        JsonNode response = operation.path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            problems.add(method + " " + path + " never answers " + status + " (documented: "
                    + fieldNames(operation.path("responses")) + ")");
            return problems;
        }
        for (String promised : fieldNames(response.path("headers"))) {
            if (headers.stream().noneMatch(promised::equalsIgnoreCase)) {
                problems.add(method + " " + path + " " + status + " promises a " + promised + " header");
            }
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (status < 300 && !schema.isMissingNode() && body != null && !body.isBlank()) {
            try {
                fieldsNamedIn(document, schema, JSON.readTree(body), method + " " + path, problems);
            } catch (IOException e) {
                problems.add(method + " " + path + " answered JSON that does not parse: " + e.getMessage());
            }
        }
        return problems;
    }

    /** Every field of {@code value} is a property of {@code schema} (objects, and the first element of arrays). */
    private static void fieldsNamedIn(JsonNode document, JsonNode schema, JsonNode value, String where,
                                      List<String> problems) {
        schema = resolve(document, schema);
        if (value.isArray() && schema.has("items") && !value.isEmpty()) {
            fieldsNamedIn(document, schema.get("items"), value.get(0), where + "[0]", problems);
            return;
        }
        JsonNode properties = schema.path("properties");
        if (!value.isObject() || !properties.isObject() || schema.has("additionalProperties")) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode property = properties.get(field.getKey());
            if (property == null) {
                problems.add(where + ": field '" + field.getKey() + "' is not in the schema (" + fieldNames(properties) + ")");
            } else {
                fieldsNamedIn(document, property, field.getValue(), where + "." + field.getKey(), problems);
            }
        }
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        for (int depth = 0; depth < 10; depth++) {
            if (schema.has("$ref")) {
                String ref = schema.get("$ref").asText().substring("#/".length());
                schema = document.at("/" + ref);
            } else if (schema.has("allOf") && schema.get("allOf").size() == 1) {
                schema = schema.get("allOf").get(0);
            } else {
                return schema;
            }
        }
        return schema;
    }

    /** The operation for a request path; a literal segment beats a parameter ({@code /items/search} over {@code /items/{id}}). */
    private static JsonNode operation(JsonNode document, String method, String path) {
        JsonNode best = null;
        int bestParameters = Integer.MAX_VALUE;
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String template = "\\Q" + entry.getKey().replaceAll("\\{[^}]*}", "\\\\E[^/]+\\\\Q") + "\\E";
            int parameters = entry.getKey().split("\\{", -1).length - 1;
            if (parameters < bestParameters && Pattern.matches(template, path)
                    && entry.getValue().has(method.toLowerCase())) {
                best = entry.getValue().get(method.toLowerCase());
                bestParameters = parameters;
            }
        }
        return best;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode load(String service) {
        try {
            return JSON.readTree(Files.readString(SERVICE_DOCS.resolve(service).resolve("openapi.json")));
        } catch (IOException e) {
            throw new UncheckedIOException("no OpenAPI document of " + service + " under " + SERVICE_DOCS
                    + " (the service's build writes it)", e);
        }
    }
}
