package io.marquee.devstack.personalize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@link PersonalizeSetup} created, as the configuration services read: environment variables
 * for every service process, and the same lines in {@code resources.env} for anyone else (scripts,
 * the AWS CLI).
 */
public record PersonalizeResources(String endpoint, String region, String datasetGroupArn,
        String interactionsDatasetArn, String itemsDatasetArn, String eventTrackerArn, String trackingId,
        Map<PersonalizeSetup.Filter, String> filterArns, Map<PersonalizeSetup.Campaign, String> campaignArns) {

    /**
     * Environment variables, named as the Helm chart names them so services read one set of keys
     * everywhere: {@code PERSONALIZE_CAMPAIGNS_FOR_YOU_ARN}, {@code PERSONALIZE_FILTERS_EXCLUDE_RATED_ARN},
     * {@code PERSONALIZE_TRACKING_ID}, {@code PERSONALIZE_ENDPOINT_OVERRIDE}.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PERSONALIZE_ENDPOINT_OVERRIDE", endpoint);
        env.put("PERSONALIZE_REGION", region);
        env.put("PERSONALIZE_DATASET_GROUP_ARN", datasetGroupArn);
        env.put("PERSONALIZE_INTERACTIONS_DATASET_ARN", interactionsDatasetArn);
        env.put("PERSONALIZE_ITEMS_DATASET_ARN", itemsDatasetArn);
        env.put("PERSONALIZE_EVENT_TRACKER_ARN", eventTrackerArn);
        env.put("PERSONALIZE_TRACKING_ID", trackingId);
        filterArns.forEach((f, arn) -> env.put("PERSONALIZE_FILTERS_" + f.name() + "_ARN", arn));
        campaignArns.forEach((c, arn) -> env.put("PERSONALIZE_CAMPAIGNS_" + c.name() + "_ARN", arn));
        return env;
    }

    /** Writes {@link #environment()} as {@code KEY=value} lines. */
    public void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        String lines = environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "# Written by the devstack at each start: personalize-local's resources.\n", "\n"));
        Files.writeString(file, lines);
    }
}
