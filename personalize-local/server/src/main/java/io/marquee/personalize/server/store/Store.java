package io.marquee.personalize.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.engine.Interaction;
import io.marquee.personalize.engine.ItemMetadata;
import io.marquee.personalize.engine.Model;
import io.marquee.personalize.engine.Models;
import io.marquee.personalize.server.data.AvroSchema;
import io.marquee.personalize.server.data.DatasetFile;
import io.marquee.personalize.server.data.DatasetType;
import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Everything personalize-local knows, in memory and under one data directory:
 * <pre>
 *   resources.json                              every control-plane resource (rewritten whole, atomically)
 *   groups/&lt;group&gt;/imports/&lt;TYPE&gt;/&lt;n&gt;-&lt;job&gt;.csv   the validated files of successful imports
 *   groups/&lt;group&gt;/events.jsonl                  append-only log of PutEvents / PutItems / PutUsers
 *   models/&lt;solution&gt;-&lt;version&gt;.model              trained models ({@link Model#write})
 * </pre>
 * Every whole-file write goes to a temporary file first and is then moved into place atomically,
 * so a crash leaves either the old or the new file. A torn last line of an event log (a crash
 * mid-append) is skipped when the log is replayed. Opening a directory restores everything:
 * resources, datasets, recorded events and models, including the events each model saw after
 * it was trained.
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Store.class);

    private final Path dir;
    private final boolean fsync;
    // Reads (every runtime request) take no lock; changes are serialised by this object's monitor.
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final Map<String, GroupData> groups = new ConcurrentHashMap<>();
    private final Map<String, Model> models = new ConcurrentHashMap<>();
    private final Map<String, FileChannel> logs = new HashMap<>();
    private volatile boolean open;

    public Store(Path dir, boolean fsync) {
        this.dir = dir.toAbsolutePath().normalize();
        this.fsync = fsync;
    }

    public Path dir() {
        return dir;
    }

    public boolean isOpen() {
        return open;
    }

    // ---------------------------------------------------------------- opening

    /** Loads the directory (or starts an empty one). */
    public synchronized Store open() throws IOException {
        Files.createDirectories(dir.resolve("groups"));
        Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(dir.resolve("tmp"));
        Path state = dir.resolve("resources.json");
        if (Files.exists(state)) {
            JsonNode root = Input.mapper().readTree(state.toFile());
            for (JsonNode node : root.path("resources")) {
                Resource r = Resource.fromState((ObjectNode) node);
                resources.put(r.arn(), r);
            }
        }
        settleInterruptedWork();
        for (Resource group : list(Kind.DATASET_GROUP)) {
            restoreGroup(group);
        }
        for (Resource version : list(Kind.SOLUTION_VERSION)) {
            if (version.isActive()) {
                restoreModel(version);
            }
        }
        saveState();
        open = true;
        LOG.infof("personalize-local data in %s: %d resources, %d models", dir, resources.size(), models.size());
        return this;
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

    private void restoreGroup(Resource group) throws IOException {
        GroupData data = group(group.arn());
        Path imports = groupDir(group.arn()).resolve("imports");
        for (Resource dataset : list(Kind.DATASET)) {
            if (!group.arn().equals(dataset.member("datasetGroupArn"))) {
                continue;
            }
            DatasetType type = DatasetType.fromWire(dataset.member("datasetType")).orElseThrow();
            Path typeDir = imports.resolve(type.name());
            if (!Files.isDirectory(typeDir)) {
                continue;
            }
            AvroSchema schema = AvroSchema.parse(get(Kind.SCHEMA, dataset.member("schemaArn")).member("schema"));
            for (Path file : importFiles(typeDir)) {
                try {
                    DatasetFile.Content content = DatasetFile.read(file, type, schema);
                    apply(data, type, content, false);
                } catch (DatasetFile.InvalidFile e) {
                    LOG.warnf("skipping %s, which no longer reads: %s", file, e.getMessage());
                }
            }
        }
        Path log = groupDir(group.arn()).resolve("events.jsonl");
        if (Files.exists(log)) {
            int lines = 0;
            try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines++;
                    try {
                        replay(data, (ObjectNode) Input.mapper().readTree(line));
                    } catch (IOException | RuntimeException e) {
                        LOG.warnf("%s line %d is unreadable (a write cut short?), skipped", log, lines);
                    }
                }
            }
        }
    }

    private static void replay(GroupData data, ObjectNode entry) {
        switch (entry.get("k").asText()) {
            case "e" -> data.record(new GroupData.RecordedEvent(text(entry, "u"), text(entry, "s"), text(entry, "i"),
                    entry.get("t").asLong(), entry.path("y").asText(""),
                    entry.hasNonNull("v") ? entry.get("v").asDouble() : Double.NaN));
            case "i" -> data.putItem(entry.get("id").asText(), fields(entry.get("f")));
            case "u" -> data.putUser(entry.get("id").asText(), fields(entry.get("f")));
            default -> throw new IllegalArgumentException("unknown entry");
        }
    }

    private static String text(ObjectNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Map<String, String> fields(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.put(e.getKey(), e.getValue().asText());
        }
        return fields;
    }

    private void restoreModel(Resource version) {
        Path file = modelFile(version.arn());
        if (!Files.exists(file)) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            Model model = Models.read(new java.io.BufferedInputStream(in));
            GroupData data = group(version.member("datasetGroupArn"));
            // The model file holds what the model knew at training; the log holds what came after.
            for (ItemMetadata item : data.itemPutsSince(version.members().path("itemPutsAtTraining").asInt())) {
                model.putItem(item);
            }
            for (Interaction event : data.eventsSince(version.members().path("eventsAtTraining").asInt())) {
                if (event.itemId() != null) {
                    model.observe(event);
                }
            }
            models.put(version.arn(), model);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "model %s could not be read", file);
        }
    }

    // ---------------------------------------------------------------- resources

    public Optional<Resource> find(String arn) {
        return Optional.ofNullable(resources.get(arn));
    }

    /** The resource of that kind, or ResourceNotFoundException. */
    public Resource get(Kind kind, String arn) {
        Resource r = resources.get(arn);
        if (r == null || r.kind() != kind) {
            throw AwsException.notFound("The " + kind.label() + " " + arn + " does not exist");
        }
        return r;
    }

    public List<Resource> list(Kind kind) {
        return resources.values().stream().filter(r -> r.kind() == kind)
                .sorted(Comparator.comparingDouble(Resource::created)).toList();
    }

    public synchronized void put(Resource r) {
        resources.put(r.arn(), r);
        saveState();
    }

    /** Replaces a resource only if it still exists (a delete may have won the race). */
    public synchronized boolean replace(Resource r) {
        if (!resources.containsKey(r.arn())) {
            return false;
        }
        put(r);
        return true;
    }

    public synchronized void remove(String arn) {
        if (resources.remove(arn) != null) {
            saveState();
        }
    }

    private void saveState() {
        ObjectNode root = Input.mapper().createObjectNode();
        ArrayNode list = root.putArray("resources");
        resources.values().stream().sorted(Comparator.comparingDouble(Resource::created))
                .forEach(r -> list.add(r.toState()));
        try {
            writeAtomically(dir.resolve("resources.json"), out -> Input.mapper().writeValue(out, root));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save " + dir.resolve("resources.json"), e);
        }
    }

    // ---------------------------------------------------------------- datasets

    public GroupData group(String groupArn) {
        return groups.computeIfAbsent(groupArn, k -> new GroupData());
    }

    private Path groupDir(String groupArn) {
        return dir.resolve("groups").resolve(lastSegment(groupArn));
    }

    private static String lastSegment(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static List<Path> importFiles(Path typeDir) throws IOException {
        try (Stream<Path> files = Files.list(typeDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .sorted(Comparator.comparingLong(Store::sequenceOf)).toList();
        }
    }

    private static long sequenceOf(Path file) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.indexOf('-')));
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Makes a validated import part of the dataset: keeps a copy of the file (a FULL import
     * drops the earlier ones of that type) and applies it to the data in memory.
     */
    public synchronized void commitImport(String groupArn, DatasetType type, String jobName, Path validated,
                                          DatasetFile.Content content, boolean full) throws IOException {
        Path typeDir = groupDir(groupArn).resolve("imports").resolve(type.name());
        Files.createDirectories(typeDir);
        List<Path> earlier = importFiles(typeDir);
        long next = earlier.isEmpty() ? 1 : sequenceOf(earlier.get(earlier.size() - 1)) + 1;
        Path target = typeDir.resolve(String.format("%08d-%s.csv", next, jobName));
        Path tmp = dir.resolve("tmp").resolve(target.getFileName() + ".part");
        Files.copy(validated, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (full) {
            for (Path old : earlier) {
                Files.deleteIfExists(old);
            }
        }
        apply(group(groupArn), type, content, full);
    }

    private static void apply(GroupData data, DatasetType type, DatasetFile.Content content, boolean full) {
        switch (type) {
            case INTERACTIONS -> data.importInteractions(content.interactions(), full);
            case ITEMS -> data.importItems(content.rows(), full);
            case USERS -> data.importUsers(content.rows(), full);
        }
    }

    /** Deleting a dataset deletes its data. */
    public synchronized void dropDataset(String groupArn, DatasetType type) throws IOException {
        deleteTree(groupDir(groupArn).resolve("imports").resolve(type.name()));
        GroupData data = group(groupArn);
        switch (type) {
            case INTERACTIONS -> data.clearInteractions();
            case ITEMS -> data.clearItems();
            case USERS -> data.clearUsers();
        }
    }

    public synchronized void dropGroup(String groupArn) throws IOException {
        synchronized (logs) {
            FileChannel log = logs.remove(groupArn);
            if (log != null) {
                log.close();
            }
        }
        groups.remove(groupArn);
        deleteTree(groupDir(groupArn));
    }

    // ---------------------------------------------------------------- event log

    public void logEvents(String groupArn, List<GroupData.RecordedEvent> events) {
        StringBuilder lines = new StringBuilder();
        for (GroupData.RecordedEvent e : events) {
            ObjectNode entry = Input.mapper().createObjectNode().put("k", "e").put("u", e.userId())
                    .put("s", e.sessionId()).put("i", e.itemId()).put("t", e.timestampMillis()).put("y", e.eventType());
            if (!Double.isNaN(e.eventValue())) {
                entry.put("v", e.eventValue());
            }
            lines.append(entry).append('\n');
        }
        append(groupArn, lines.toString());
    }

    public void logMetadata(String groupArn, boolean items, String id, Map<String, String> fields) {
        ObjectNode entry = Input.mapper().createObjectNode().put("k", items ? "i" : "u").put("id", id);
        ObjectNode f = entry.putObject("f");
        fields.forEach(f::put);
        append(groupArn, entry + "\n");
    }

    /** Appends under the log's own lock, so a slow disk never holds up resource lookups. */
    private void append(String groupArn, String lines) {
        synchronized (logs) {
            appendLocked(groupArn, lines);
        }
    }

    private void appendLocked(String groupArn, String lines) {
        try {
            FileChannel channel = logs.get(groupArn);
            if (channel == null) {
                Path log = groupDir(groupArn).resolve("events.jsonl");
                Files.createDirectories(log.getParent());
                channel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                logs.put(groupArn, channel);
            }
            ByteBuffer bytes = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            if (fsync) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to the event log of " + groupArn, e);
        }
    }

    // ---------------------------------------------------------------- models

    private Path modelFile(String versionArn) {
        String[] parts = versionArn.substring(versionArn.indexOf("solution/") + "solution/".length()).split("/");
        return dir.resolve("models").resolve(parts[0] + "-" + parts[parts.length - 1] + ".model");
    }

    public void saveModel(String versionArn, Model model) throws IOException {
        writeAtomically(modelFile(versionArn), model::write);
        models.put(versionArn, model);
    }

    public Optional<Model> model(String versionArn) {
        return Optional.ofNullable(models.get(versionArn));
    }

    public Map<String, Model> models() {
        return models;
    }

    public void dropModel(String versionArn) throws IOException {
        models.remove(versionArn);
        Files.deleteIfExists(modelFile(versionArn));
    }

    /** A scratch file in the data directory (same file system, so moves are atomic). */
    public Path scratchFile(String name) throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        return Files.createTempFile(dir.resolve("tmp"), name, ".part");
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private void writeAtomically(Path target, Writer writer) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(dir.resolve("tmp"), target.getFileName().toString(), ".part");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                writer.write(out);
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = new ArrayList<>(walk.toList());
        }
        paths.sort(Comparator.reverseOrder());
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        open = false;
        synchronized (logs) {
            for (FileChannel channel : logs.values()) {
                channel.close();
            }
            logs.clear();
        }
    }
}
