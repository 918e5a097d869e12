package io.marquee.personalize.server.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.server.config.ServerConfig;
import io.marquee.personalize.server.store.Kind;
import io.marquee.personalize.server.store.Resource;
import io.marquee.personalize.server.store.Store;
import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What every resource family shares: ARNs, the checks before a create, and the generic
 * Describe*, List* and Delete* operations, which each family registers for its own kinds with
 * what is particular to them (what still uses a resource, what its delete cleans up).
 */
@ApplicationScoped
class ResourceOperations {

    /** Whatever still uses a resource (so it cannot be deleted yet), or null. */
    @FunctionalInterface
    interface Users {
        String of(Resource resource);
    }

    private final Store store;
    private final Lifecycle lifecycle;
    private final ServerConfig config;

    ResourceOperations(Store store, Lifecycle lifecycle, ServerConfig config) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.config = config;
    }

    Store store() {
        return store;
    }

    Lifecycle lifecycle() {
        return lifecycle;
    }

    ServerConfig config() {
        return config;
    }

    String arn(String type, String path) {
        return "arn:aws:personalize:" + config.region() + ":" + config.accountId() + ":" + type + "/" + path;
    }

    static ObjectNode object() {
        return Input.mapper().createObjectNode();
    }

    void requireFree(String arn, Kind kind) {
        if (store.find(arn).isPresent()) {
            throw AwsException.alreadyExists("A " + kind.label() + " " + arn + " already exists");
        }
    }

    /** A parent that must exist and be ACTIVE before something is created in it. */
    Resource activeParent(Kind kind, String arn, String field) {
        Resource parent = store.get(kind, arn);
        if (!parent.isActive()) {
            throw AwsException.inUse(field + ": the " + kind.label() + " " + arn + " is " + parent.status()
                    + ", not ACTIVE");
        }
        return parent;
    }

    static void checkTags(Input in) {
        List<Input> tags = in.objects("tags", false, 0, 200);
        if (tags != null) {
            for (Input tag : tags) {
                tag.string("tagKey", true, 1, 128);
                tag.string("tagValue", true, 0, 256);
            }
        }
    }

    static Resource fresh(Kind kind, String arn, String name, ObjectNode members) {
        double now = Resource.now();
        return new Resource(kind, arn, name, null, now, now, null, members);
    }

    /** "The dataset group arn:… is in use by" the first resource of those kinds that {@code uses} it. */
    String firstUser(List<Kind> kinds, Predicate<Resource> uses) {
        for (Kind kind : kinds) {
            for (Resource x : store.list(kind)) {
                if (uses.test(x)) {
                    return "the " + kind.label() + " " + x.arn();
                }
            }
        }
        return null;
    }

    static boolean inProgress(Resource r) {
        return Resource.CREATE_PENDING.equals(r.status()) || Resource.CREATE_IN_PROGRESS.equals(r.status());
    }

    // ---------------------------------------------------------------- Describe / List / Delete

    static String operationNoun(Kind kind) {
        StringBuilder noun = new StringBuilder();
        for (String part : kind.name().toLowerCase(Locale.ROOT).split("_")) {
            noun.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return noun.toString();
    }

    /** Describe{Kind} and List{Kind}s answered from the store, the description shaped by {@code extra}. */
    void describeAndList(Map<String, Function<Input, ObjectNode>> table, Kind kind, Kind parentKind,
                         Function<Resource, ObjectNode> describe) {
        table.put("Describe" + operationNoun(kind), in -> object().set(kind.describeMember(),
                describe.apply(store.get(kind, in.arn(kind.arnMember(), true)))));
        table.put("List" + operationNoun(kind) + "s", in -> list(kind, parentKind, in));
    }

    void describeAndList(Map<String, Function<Input, ObjectNode>> table, Kind kind, Kind parentKind) {
        describeAndList(table, kind, parentKind, Resource::toWire);
    }

    /** Delete{Kind}: refused while {@code users} names something that still uses the resource. */
    void delete(Map<String, Function<Input, ObjectNode>> table, Kind kind, Users users, Lifecycle.Work cleanUp) {
        table.put("Delete" + operationNoun(kind), in -> {
            Resource r = store.get(kind, in.arn(kind.arnMember(), true));
            if (r.isDeleting()) {
                throw AwsException.inUse("The " + kind.label() + " " + r.arn() + " is already being deleted");
            }
            String user = users.of(r);
            if (user != null) {
                throw AwsException.inUse("The " + kind.label() + " " + r.arn() + " is in use by " + user);
            }
            lifecycle.delete(r, cleanUp);
            return object();
        });
    }

    /** The member a List* operation filters by, when it has one. */
    private static String parentMember(Kind parentKind) {
        return parentKind == null ? null : parentKind.arnMember();
    }

    private ObjectNode list(Kind kind, Kind parentKind, Input in) {
        String parentMember = parentMember(parentKind);
        String parent = parentMember == null ? null : in.arn(parentMember, false);
        int max = in.integer("maxResults", 1, 100) == null ? 100 : in.integer("maxResults", 1, 100);
        String token = in.string("nextToken", false, 0, 1500);
        int from = 0;
        if (token != null) {
            try {
                from = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw AwsException.invalid("nextToken is not a token this server gave out");
            }
            if (from < 0) {
                throw AwsException.invalid("nextToken is not a token this server gave out");
            }
        }
        if (parent != null) {
            store.get(parentKind, parent);
        }
        Predicate<Resource> matches = r -> parent == null || parent.equals(parentOf(kind, parentMember, r));
        List<Resource> all = store.list(kind).stream().filter(matches)
                .sorted(Comparator.comparingDouble(Resource::created).reversed()).toList();
        ObjectNode out = object();
        ArrayNode items = out.putArray(kind.listMember());
        for (int i = from; i < Math.min(all.size(), from + max); i++) {
            ObjectNode wire = all.get(i).toWire();
            wire.remove(List.of("eventsAtTraining", "itemPutsAtTraining"));
            items.add(wire);
        }
        if (from + max < all.size()) {
            out.put("nextToken", String.valueOf(from + max));
        }
        return out;
    }

    private String parentOf(Kind kind, String parentMember, Resource r) {
        if (kind == Kind.CAMPAIGN) {
            return store.find(r.member("solutionVersionArn")).map(v -> v.member("solutionArn")).orElse(null);
        }
        return r.member(parentMember);
    }
}
