package io.marquee.personalize.server.store;

import io.marquee.personalize.engine.Model;
import io.marquee.personalize.server.data.AvroSchema;
import io.marquee.personalize.server.data.DatasetFile;
import io.marquee.personalize.server.data.DatasetType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Everything personalize-local knows, in memory and under one data directory, one part each:
 * <pre>
 *   resources.json                              {@link ResourceTable}: every control-plane resource
 *   groups/&lt;group&gt;/imports/&lt;TYPE&gt;/&lt;n&gt;-&lt;job&gt;.csv   {@link DatasetFiles}: the validated files of successful imports
 *   groups/&lt;group&gt;/events.jsonl                  {@link EventLog}: PutEvents / PutItems / PutUsers, appended
 *   models/&lt;solution&gt;-&lt;version&gt;.model              {@link ModelFiles}: trained models
 *   tmp/                                        {@link AtomicFiles}: whole-file writes before their atomic move
 * </pre>
 * A crash leaves either the old or the new file. Opening a directory restores everything:
 * resources, datasets, recorded events and models, including the events each model saw after
 * it was trained.
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Store.class);

    private final Path dir;
    private final AtomicFiles files;
    private final ResourceTable resources;
    private final DatasetFiles datasets;
    private final EventLog log;
    private final ModelFiles models;
    private final long maxEvents;
    private volatile boolean open;

    public Store(Path dir, boolean fsync) {
        this(dir, fsync, -1);
    }

    /**
     * @param maxEvents the most recorded events a start keeps in memory, over all dataset groups
     *                  (the newest; older ones are dropped, saying so); negative: as many as
     *                  {@link #HEAP_SHARE} of the heap holds
     */
    public Store(Path dir, boolean fsync, long maxEvents) {
        this.maxEvents = maxEvents;
        this.dir = dir.toAbsolutePath().normalize();
        this.files = new AtomicFiles(this.dir);
        this.resources = new ResourceTable(this.dir.resolve("resources.json"), files);
        this.datasets = new DatasetFiles(this.dir.resolve("groups"), files);
        this.log = new EventLog(datasets::groupDir, fsync);
        this.models = new ModelFiles(this.dir.resolve("models"), files);
    }

    public Path dir() {
        return dir;
    }

    public boolean isOpen() {
        return open;
    }

    /** Loads the directory (or starts an empty one). */
    public synchronized Store open() throws IOException {
        Files.createDirectories(dir.resolve("groups"));
        Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(dir.resolve("tmp"));
        resources.load();
        long budget = maxEvents >= 0 ? maxEvents : heapBudget();
        String why = maxEvents >= 0 ? String.format("personalize.max-events is %,d", maxEvents)
                : String.format("recorded events may take at most %d%% of the heap (-Xmx%d MB), about %,d events",
                        Math.round(HEAP_SHARE * 100), Runtime.getRuntime().maxMemory() >> 20, heapBudget());
        for (Resource group : list(Kind.DATASET_GROUP)) {
            datasets.group(group.arn());
            for (Resource dataset : list(Kind.DATASET)) {
                if (group.arn().equals(dataset.member("datasetGroupArn"))) {
                    datasets.restore(group.arn(), DatasetType.fromWire(dataset.member("datasetType")).orElseThrow(),
                            AvroSchema.parse(get(Kind.SCHEMA, dataset.member("schemaArn")).member("schema")));
                }
            }
            budget -= log.replay(group.arn(), datasets.group(group.arn()), budget, why);
        }
        for (Resource version : list(Kind.SOLUTION_VERSION)) {
            if (version.isActive()) {
                models.restore(version, group(version.member("datasetGroupArn")));
            }
        }
        open = true;
        LOG.infof("personalize-local data in %s: %d resources, %d models", dir, resources.size(), models.all().size());
        return this;
    }

    /**
     * The share of the heap recorded events may fill at a start. Personalize keeps every event;
     * a local engine keeps as many as its heap allows and still serves and trains: the rest is
     * for the models (restored next, a dense one can take hundreds of MB), a training's copy of
     * the data and the requests.
     */
    public static final double HEAP_SHARE = 0.5;

    /** How many events {@link #HEAP_SHARE} of this JVM's heap holds. */
    static long heapBudget() {
        return (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE) / GroupData.BYTES_PER_EVENT;
    }

    // ---------------------------------------------------------------- resources

    public Optional<Resource> find(String arn) {
        return resources.find(arn);
    }

    /** The resource of that kind, or ResourceNotFoundException. */
    public Resource get(Kind kind, String arn) {
        return resources.get(kind, arn);
    }

    public List<Resource> list(Kind kind) {
        return resources.list(kind);
    }

    public void put(Resource r) {
        resources.put(r);
    }

    /** Replaces a resource only if it still exists (a delete may have won the race). */
    public boolean replace(Resource r) {
        return resources.replace(r);
    }

    public void remove(String arn) {
        resources.remove(arn);
    }

    // ---------------------------------------------------------------- datasets

    public GroupData group(String groupArn) {
        return datasets.group(groupArn);
    }

    /**
     * Makes a validated import part of the dataset: keeps a copy of the file (a FULL import
     * drops the earlier ones of that type) and applies it to the data in memory.
     */
    public void commitImport(String groupArn, DatasetType type, String jobName, Path validated,
                             DatasetFile.Content content, boolean full) throws IOException {
        datasets.commitImport(groupArn, type, jobName, validated, content, full);
    }

    /** Deleting a dataset deletes its data. */
    public void dropDataset(String groupArn, DatasetType type) throws IOException {
        datasets.dropDataset(groupArn, type);
    }

    public void dropGroup(String groupArn) throws IOException {
        log.closeGroup(groupArn);
        datasets.dropGroup(groupArn);
    }

    // ---------------------------------------------------------------- event log

    public void logEvents(String groupArn, List<GroupData.RecordedEvent> events) {
        log.logEvents(groupArn, events);
    }

    public void logMetadata(String groupArn, boolean items, String id, Map<String, String> fields) {
        log.logMetadata(groupArn, items, id, fields);
    }

    // ---------------------------------------------------------------- models

    public void saveModel(String versionArn, Model model) throws IOException {
        models.save(versionArn, model);
    }

    public Optional<Model> model(String versionArn) {
        return models.get(versionArn);
    }

    public Map<String, Model> models() {
        return models.all();
    }

    public void dropModel(String versionArn) throws IOException {
        models.drop(versionArn);
    }

    /** A scratch file in the data directory (same file system, so moves are atomic). */
    public Path scratchFile(String name) throws IOException {
        return files.scratch(name);
    }

    @Override
    public synchronized void close() throws IOException {
        open = false;
        log.close();
    }
}
