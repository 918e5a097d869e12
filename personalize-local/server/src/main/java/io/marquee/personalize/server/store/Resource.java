package io.marquee.personalize.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.server.web.Input;

/**
 * One control-plane resource. {@code members} holds the type's own members exactly as the wire
 * shows them (datasetGroupArn, recipeArn, solutionConfig, ...); the rest is common to every type.
 * Immutable: every change makes a new value (the members node is never modified after creation).
 *
 * @param created epoch seconds, as the json protocol sends timestamps
 */
public record Resource(Kind kind, String arn, String name, String status, double created, double updated,
                       String failureReason, ObjectNode members) {

    public static final String CREATE_PENDING = "CREATE PENDING";
    public static final String CREATE_IN_PROGRESS = "CREATE IN_PROGRESS";
    public static final String ACTIVE = "ACTIVE";
    public static final String CREATE_FAILED = "CREATE FAILED";
    public static final String DELETE_PENDING = "DELETE PENDING";
    public static final String DELETE_IN_PROGRESS = "DELETE IN_PROGRESS";

    public static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    public Resource withStatus(String newStatus, String reason) {
        return new Resource(kind, arn, name, newStatus, created, now(), reason, members);
    }

    public Resource withMembers(ObjectNode newMembers) {
        return new Resource(kind, arn, name, status, created, now(), failureReason, newMembers);
    }

    public String member(String field) {
        return members.hasNonNull(field) ? members.get(field).asText() : null;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public boolean isDeleting() {
        return status != null && status.startsWith("DELETE");
    }

    /** The resource as Describe* and List* show it. */
    public ObjectNode toWire() {
        ObjectNode out = Input.mapper().createObjectNode();
        if (name != null) {
            out.put(kind.nameMember(), name);
        }
        out.put(kind.arnMember(), arn);
        out.setAll(members.deepCopy());
        if (kind.hasStatus()) {
            out.put("status", status);
        }
        out.put("creationDateTime", created);
        out.put("lastUpdatedDateTime", updated);
        if (failureReason != null) {
            out.put("failureReason", failureReason);
        }
        return out;
    }

    /** The resource as the state file keeps it. */
    public ObjectNode toState() {
        ObjectNode out = Input.mapper().createObjectNode();
        out.put("kind", kind.name()).put("arn", arn).put("name", name).put("status", status)
                .put("created", created).put("updated", updated).put("failureReason", failureReason);
        out.set("members", members);
        return out;
    }

    public static Resource fromState(ObjectNode node) {
        return new Resource(Kind.valueOf(node.get("kind").asText()), node.get("arn").asText(),
                node.path("name").isNull() ? null : node.path("name").asText(null),
                node.path("status").asText(null), node.path("created").asDouble(),
                node.path("updated").asDouble(),
                node.path("failureReason").isNull() ? null : node.path("failureReason").asText(null),
                (ObjectNode) node.get("members"));
    }
}
