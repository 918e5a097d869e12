package io.marquee.personalize.server.store;

import io.marquee.personalize.engine.Interaction;
import io.marquee.personalize.engine.ItemMetadata;
import io.marquee.personalize.engine.Model;
import io.marquee.personalize.engine.Models;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/** Trained models: served from memory, kept in {@code models/<solution>-<version>.model} ({@link Model#write}). */
final class ModelFiles {

    private static final Logger LOG = Logger.getLogger(ModelFiles.class);

    private final Path dir;
    private final AtomicFiles files;
    private final Map<String, Model> models = new ConcurrentHashMap<>();

    ModelFiles(Path dir, AtomicFiles files) {
        this.dir = dir;
        this.files = files;
    }

    private Path file(String versionArn) {
        String[] parts = versionArn.substring(versionArn.indexOf("solution/") + "solution/".length()).split("/");
        return dir.resolve(parts[0] + "-" + parts[parts.length - 1] + ".model");
    }

    /**
     * Reads a version's model back, caught up with what its group recorded after it was trained
     * (the file holds what the model knew at training; the event log holds what came after).
     */
    void restore(Resource version, GroupData data) {
        Path file = file(version.arn());
        if (!Files.exists(file)) {
            return;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            Model model = Models.read(in);
            for (ItemMetadata item : data.itemPutsSince(version.members().path("itemPutsAtTraining").asInt())) {
                model.putItem(item);
            }
            data.forEachEventSince(version.members().path("eventsAtTraining").asInt(), event -> {
                if (event.itemId() != null) {
                    model.observe(event);
                }
            });
            models.put(version.arn(), model);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "model %s could not be read", file);
        }
    }

    void save(String versionArn, Model model) throws IOException {
        files.write(file(versionArn), model::write);
        models.put(versionArn, model);
    }

    Optional<Model> get(String versionArn) {
        return Optional.ofNullable(models.get(versionArn));
    }

    Map<String, Model> all() {
        return models;
    }

    void drop(String versionArn) throws IOException {
        models.remove(versionArn);
        Files.deleteIfExists(file(versionArn));
    }
}
