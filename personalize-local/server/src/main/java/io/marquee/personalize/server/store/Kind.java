package io.marquee.personalize.server.store;

/**
 * The control plane's resource types, with the names the wire protocol gives them: the ARN's
 * resource type, the member Describe* wraps the resource in, the member List* returns, the ARN
 * member and the name member.
 */
public enum Kind {
    DATASET_GROUP("dataset-group", "datasetGroup", "datasetGroups", "datasetGroupArn", "name", "dataset group"),
    SCHEMA("schema", "schema", "schemas", "schemaArn", "name", "schema"),
    DATASET("dataset", "dataset", "datasets", "datasetArn", "name", "dataset"),
    DATASET_IMPORT_JOB("dataset-import-job", "datasetImportJob", "datasetImportJobs", "datasetImportJobArn",
            "jobName", "dataset import job"),
    SOLUTION("solution", "solution", "solutions", "solutionArn", "name", "solution"),
    SOLUTION_VERSION("solution", "solutionVersion", "solutionVersions", "solutionVersionArn", "name",
            "solution version"),
    CAMPAIGN("campaign", "campaign", "campaigns", "campaignArn", "name", "campaign"),
    EVENT_TRACKER("event-tracker", "eventTracker", "eventTrackers", "eventTrackerArn", "name", "event tracker"),
    // ListFilters really answers "Filters", capitalised, unlike every other List* operation.
    FILTER("filter", "filter", "Filters", "filterArn", "name", "filter");

    private final String arnType;
    private final String describeMember;
    private final String listMember;
    private final String arnMember;
    private final String nameMember;
    private final String label;

    Kind(String arnType, String describeMember, String listMember, String arnMember, String nameMember,
         String label) {
        this.arnType = arnType;
        this.describeMember = describeMember;
        this.listMember = listMember;
        this.arnMember = arnMember;
        this.nameMember = nameMember;
        this.label = label;
    }

    public String arnType() {
        return arnType;
    }

    public String describeMember() {
        return describeMember;
    }

    public String listMember() {
        return listMember;
    }

    public String arnMember() {
        return arnMember;
    }

    public String nameMember() {
        return nameMember;
    }

    /** How messages name it: "dataset group". */
    public String label() {
        return label;
    }

    /** Schemas are the one resource without a status. */
    public boolean hasStatus() {
        return this != SCHEMA;
    }
}
