package io.marquee.ingest.config;

/**
 * This service's DynamoDB tables, without the prefix ({@link TablesConfig#prefix()}). The IAM
 * policy and the Terraform example beside the chart grant and provision exactly these (a helm test
 * holds them equal).
 */
public final class IngestTables {

    /** Event ids the tracker already took, so a redelivered event is not sent twice (ADR 14). */
    public static final String RELAY_DELIVERED = "relay-delivered";
    /** Closed sessions, by user and by day. */
    public static final String SESSIONS = "sessions";

    private IngestTables() {
    }
}
