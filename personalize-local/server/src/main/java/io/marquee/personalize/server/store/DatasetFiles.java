package io.marquee.personalize.server.store;

import io.marquee.personalize.server.data.AvroSchema;
import io.marquee.personalize.server.data.DatasetFile;
import io.marquee.personalize.server.data.DatasetType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The dataset groups' data: in memory ({@link GroupData}) and, for bulk imports, as the validated
 * files of successful imports, {@code groups/<group>/imports/<TYPE>/<n>-<job>.csv}, read back in
 * order when the store opens.
 */
final class DatasetFiles {

    private static final Logger LOG = Logger.getLogger(DatasetFiles.class);

    private final Path groupsDir;
    private final AtomicFiles files;
    private final Map<String, GroupData> groups = new ConcurrentHashMap<>();

    DatasetFiles(Path groupsDir, AtomicFiles files) {
        this.groupsDir = groupsDir;
        this.files = files;
    }

    GroupData group(String groupArn) {
        return groups.computeIfAbsent(groupArn, k -> new GroupData());
    }

    Path groupDir(String groupArn) {
        return groupsDir.resolve(groupArn.substring(groupArn.lastIndexOf('/') + 1));
    }

    private Path typeDir(String groupArn, DatasetType type) {
        return groupDir(groupArn).resolve("imports").resolve(type.name());
    }

    /** Applies a dataset's kept import files, oldest first, to its group's data. */
    void restore(String groupArn, DatasetType type, AvroSchema schema) throws IOException {
        Path typeDir = typeDir(groupArn, type);
        if (!Files.isDirectory(typeDir)) {
            return;
        }
        for (Path file : importFiles(typeDir)) {
            try {
                apply(group(groupArn), type, DatasetFile.read(file, type, schema), false);
            } catch (DatasetFile.InvalidFile e) {
                LOG.warnf("skipping %s, which no longer reads: %s", file, e.getMessage());
            }
        }
    }

    private static List<Path> importFiles(Path typeDir) throws IOException {
        try (Stream<Path> list = Files.list(typeDir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .sorted(Comparator.comparingLong(DatasetFiles::sequenceOf)).toList();
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

    /** Keeps a copy of the validated file (a FULL import drops the earlier ones) and applies it. */
    synchronized void commitImport(String groupArn, DatasetType type, String jobName, Path validated,
                                   DatasetFile.Content content, boolean full) throws IOException {
        Path typeDir = typeDir(groupArn, type);
        Files.createDirectories(typeDir);
        List<Path> earlier = importFiles(typeDir);
        long next = earlier.isEmpty() ? 1 : sequenceOf(earlier.get(earlier.size() - 1)) + 1;
        files.copy(validated, typeDir.resolve(String.format("%08d-%s.csv", next, jobName)));
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

    synchronized void dropDataset(String groupArn, DatasetType type) throws IOException {
        AtomicFiles.deleteTree(typeDir(groupArn, type));
        GroupData data = group(groupArn);
        switch (type) {
            case INTERACTIONS -> data.clearInteractions();
            case ITEMS -> data.clearItems();
            case USERS -> data.clearUsers();
        }
    }

    synchronized void dropGroup(String groupArn) throws IOException {
        groups.remove(groupArn);
        AtomicFiles.deleteTree(groupDir(groupArn));
    }
}
