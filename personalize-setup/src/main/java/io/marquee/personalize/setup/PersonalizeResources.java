package io.marquee.personalize.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@link PersonalizeSetup} created, written two ways: as the services' configuration
 * (environment variables, named as the Helm chart names them, so services read one set of keys
 * everywhere) and as a Helm values file an SRE passes to {@code helm upgrade -f}.
 *
 * @param endpoint the endpoint override, or null for AWS's regional endpoint
 */
public record PersonalizeResources(String endpoint, String region, String datasetGroupArn,
        String interactionsDatasetArn, String itemsDatasetArn, String eventTrackerArn, String trackingId,
        Map<Names.Filter, String> filterArns, Map<Names.Campaign, String> campaignArns) {

    public PersonalizeResources {
        filterArns = Map.copyOf(filterArns);
        campaignArns = Map.copyOf(campaignArns);
    }

    /**
     * {@code PERSONALIZE_CAMPAIGNS_FOR_YOU_ARN}, {@code PERSONALIZE_FILTERS_EXCLUDE_RATED_ARN},
     * {@code PERSONALIZE_TRACKING_ID}, {@code PERSONALIZE_ENDPOINT_OVERRIDE} and the rest.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (endpoint != null) {
            env.put("PERSONALIZE_ENDPOINT_OVERRIDE", endpoint);
        }
        env.put("PERSONALIZE_REGION", region);
        env.put("PERSONALIZE_DATASET_GROUP_ARN", datasetGroupArn);
        env.put("PERSONALIZE_INTERACTIONS_DATASET_ARN", interactionsDatasetArn);
        env.put("PERSONALIZE_ITEMS_DATASET_ARN", itemsDatasetArn);
        env.put("PERSONALIZE_EVENT_TRACKER_ARN", eventTrackerArn);
        env.put("PERSONALIZE_TRACKING_ID", trackingId);
        for (Names.Filter f : Names.Filter.values()) {
            if (filterArns.containsKey(f)) {
                env.put("PERSONALIZE_FILTERS_" + f.name() + "_ARN", filterArns.get(f));
            }
        }
        for (Names.Campaign c : Names.Campaign.values()) {
            if (campaignArns.containsKey(c)) {
                env.put("PERSONALIZE_CAMPAIGNS_" + c.name() + "_ARN", campaignArns.get(c));
            }
        }
        return env;
    }

    /** Writes {@link #environment()} as {@code KEY=value} lines. */
    public void writeEnvironment(Path file) throws IOException {
        String lines = environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "# Written by personalize-setup: the Personalize resources services use.\n", "\n"));
        write(file, lines);
    }

    /** The chart's {@code personalize} block: endpoint, campaign and filter ARNs, tracking id. */
    public String helmValues() {
        StringBuilder yaml = new StringBuilder("# Written by personalize-setup: helm upgrade ... -f <this file>\npersonalize:\n");
        yaml.append("  endpoint: ").append(quoted(endpoint == null ? "" : endpoint)).append('\n');
        yaml.append("  campaignArns:\n");
        for (Names.Campaign c : Names.Campaign.values()) {
            if (campaignArns.containsKey(c)) {
                yaml.append("    ").append(c.valuesKey).append(": ").append(quoted(campaignArns.get(c))).append('\n');
            }
        }
        yaml.append("  filterArns:\n");
        for (Names.Filter f : Names.Filter.values()) {
            if (filterArns.containsKey(f)) {
                yaml.append("    ").append(f.valuesKey).append(": ").append(quoted(filterArns.get(f))).append('\n');
            }
        }
        yaml.append("  trackingId: ").append(quoted(trackingId)).append('\n');
        return yaml.toString();
    }

    public void writeHelmValues(Path file) throws IOException {
        write(file, helmValues());
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        Files.writeString(temporary, text);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
