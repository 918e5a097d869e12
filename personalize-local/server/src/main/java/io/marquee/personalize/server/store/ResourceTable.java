package io.marquee.personalize.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every control-plane resource, in memory and in {@code resources.json} (rewritten whole,
 * atomically, on each change). Reads (every runtime request) take no lock; changes are
 * serialised by this object's monitor.
 */
final class ResourceTable {

    private final Path file;
    private final AtomicFiles files;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();

    ResourceTable(Path file, AtomicFiles files) {
        this.file = file;
        this.files = files;
    }

    synchronized void load() throws IOException {
        if (Files.exists(file)) {
            JsonNode root = Input.mapper().readTree(file.toFile());
            for (JsonNode node : root.path("resources")) {
                Resource r = Resource.fromState((ObjectNode) node);
                resources.put(r.arn(), r);
            }
        }
        settleInterruptedWork();
        save();
    }

    /**
     * Work that was running when the server stopped cannot resume: imports and trainings end as
     * CREATE FAILED (create them again), deletes complete, and simple creates become ACTIVE.
     */
    private void settleInterruptedWork() {
        for (Resource r : List.copyOf(resources.values())) {
            if (r.isDeleting()) {
                resources.remove(r.arn());
            } else if (Resource.CREATE_PENDING.equals(r.status()) || Resource.CREATE_IN_PROGRESS.equals(r.status())) {
                boolean work = r.kind() == Kind.DATASET_IMPORT_JOB || r.kind() == Kind.SOLUTION_VERSION;
                resources.put(r.arn(), work
                        ? r.withStatus(Resource.CREATE_FAILED, "personalize-local stopped before this finished; "
                        + "create it again")
                        : r.withStatus(Resource.ACTIVE, null));
            }
        }
    }

    int size() {
        return resources.size();
    }

    Optional<Resource> find(String arn) {
        return Optional.ofNullable(resources.get(arn));
    }

    Resource get(Kind kind, String arn) {
        Resource r = resources.get(arn);
        if (r == null || r.kind() != kind) {
            throw AwsException.notFound("The " + kind.label() + " " + arn + " does not exist");
        }
        return r;
    }

    List<Resource> list(Kind kind) {
        return resources.values().stream().filter(r -> r.kind() == kind)
                .sorted(Comparator.comparingDouble(Resource::created)).toList();
    }

    synchronized void put(Resource r) {
        resources.put(r.arn(), r);
        save();
    }

    synchronized boolean replace(Resource r) {
        if (!resources.containsKey(r.arn())) {
            return false;
        }
        put(r);
        return true;
    }

    synchronized void remove(String arn) {
        if (resources.remove(arn) != null) {
            save();
        }
    }

    private void save() {
        ObjectNode root = Input.mapper().createObjectNode();
        ArrayNode list = root.putArray("resources");
        resources.values().stream().sorted(Comparator.comparingDouble(Resource::created))
                .forEach(r -> list.add(r.toState()));
        try {
            files.write(file, out -> Input.mapper().writeValue(out, root));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save " + file, e);
        }
    }
}
