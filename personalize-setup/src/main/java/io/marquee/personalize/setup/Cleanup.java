package io.marquee.personalize.setup;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.ResourceInUseException;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;

/**
 * Removes everything {@link PersonalizeSetup} made, in dependency order: campaigns, solutions
 * (with their versions), filters and the event tracker, datasets, the dataset group, the schemas.
 * A delete refused with {@code ResourceInUseException} (what it depends on is still going away)
 * is retried until the timeout; each removal is awaited (Describe answers ResourceNotFound) and
 * reported. Import jobs and solution versions cannot be deleted on their own: they go with their
 * dataset and solution.
 */
public final class Cleanup {

    private static final Duration POLL = Duration.ofMillis(250);

    private final PersonalizeClient client;
    private final Names names;
    private final Duration timeout;
    private final Progress progress;

    public Cleanup(PersonalizeClient client, Names names, Duration timeout, PrintStream out) {
        this.client = client;
        this.names = names;
        this.timeout = timeout;
        this.progress = new Progress(out);
    }

    /** Removes them all; answers what was removed, as {@code kind name} lines. */
    public List<String> run() {
        List<String> removed = new ArrayList<>();
        List<Inventory.Resource> all = Inventory.of(client, names);
        for (String kind : List.of("campaign", "solution", "filter", "event tracker", "dataset", "dataset group", "schema")) {
            for (Inventory.Resource r : all) {
                if (r.kind().equals(kind)) {
                    remove(r);
                    removed.add(kind + " " + r.name());
                }
            }
        }
        return removed;
    }

    private void remove(Inventory.Resource r) {
        switch (r.kind()) {
            case "campaign" -> delete(r, () -> client.deleteCampaign(b -> b.campaignArn(r.arn())),
                    () -> client.describeCampaign(b -> b.campaignArn(r.arn())));
            case "solution" -> delete(r, () -> client.deleteSolution(b -> b.solutionArn(r.arn())),
                    () -> client.describeSolution(b -> b.solutionArn(r.arn())));
            case "filter" -> delete(r, () -> client.deleteFilter(b -> b.filterArn(r.arn())),
                    () -> client.describeFilter(b -> b.filterArn(r.arn())));
            case "event tracker" -> delete(r, () -> client.deleteEventTracker(b -> b.eventTrackerArn(r.arn())),
                    () -> client.describeEventTracker(b -> b.eventTrackerArn(r.arn())));
            case "dataset" -> delete(r, () -> client.deleteDataset(b -> b.datasetArn(r.arn())),
                    () -> client.describeDataset(b -> b.datasetArn(r.arn())));
            case "dataset group" -> delete(r, () -> client.deleteDatasetGroup(b -> b.datasetGroupArn(r.arn())),
                    () -> client.describeDatasetGroup(b -> b.datasetGroupArn(r.arn())));
            case "schema" -> delete(r, () -> client.deleteSchema(b -> b.schemaArn(r.arn())),
                    () -> client.describeSchema(b -> b.schemaArn(r.arn())));
            default -> throw new IllegalArgumentException(r.kind());
        }
    }

    /** Deletes, retrying while in use, then waits until Describe no longer finds it. */
    private void delete(Inventory.Resource r, Runnable delete, Supplier<?> describe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean requested = false;
        while (true) {
            try {
                if (!requested) {
                    delete.run();
                    requested = true;
                }
                describe.get();
            } catch (ResourceNotFoundException e) {
                progress.say("removed " + r.kind() + " " + r.name());
                return;
            } catch (ResourceInUseException e) {
                // Something that depends on it is still being deleted: try again shortly.
                requested = false;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(r.kind() + " " + r.name() + " was not removed within "
                        + timeout.toSeconds() + " s");
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during cleanup", e);
        }
    }
}
