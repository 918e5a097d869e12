package io.marquee.ingest.config;

/**
 * This service's DynamoDB tables, without the prefix ({@link TablesConfig#prefix()}). The IAM
 * policy and the Terraform example beside the chart grant and provision exactly these (a helm test
 * holds them equal).
 */
public final class IngestTables {

    /**
     * What the relay handled, one item per partition and flush (offsets and event ids), so a
     * redelivered or resent event is not sent twice (ADR 14, ADR 30).
     */
    public static final String RELAY_DELIVERED_RANGES = "relay-delivered-ranges";
    /** Closed sessions, by user and by day. */
    public static final String SESSIONS = "sessions";

    private IngestTables() {
    }
}
