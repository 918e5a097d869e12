package io.marquee.recommendation.personalize;

/**
 * A campaign could not answer this time; {@link #reason()} says why in a word that goes into the
 * answer's {@code source} ({@code fallback:<reason>}). Expected, so it carries no stack trace.
 */
public class CampaignUnavailable extends Exception {

    /** No ARN is configured for this use. */
    public static final String NOT_CONFIGURED = "campaign-not-configured";
    /** The filter this request needs is not configured. */
    public static final String FILTER_NOT_CONFIGURED = "filter-not-configured";
    /** Personalize does not know the campaign (not created yet, or not ACTIVE). */
    public static final String NOT_READY = "campaign-not-ready";
    /** Personalize refused the request as invalid. */
    public static final String REFUSED = "campaign-refused";
    /** Throttled: still after the retry, or not retried because the retry budget was spent. */
    public static final String THROTTLED = "campaign-throttled";
    /** No answer within {@code personalize.timeout}. */
    public static final String TIMEOUT = "campaign-timeout";
    /** Personalize failed or could not be reached. */
    public static final String UNAVAILABLE = "campaign-unavailable";
    /** Too many recent failures: the circuit breaker is open and Personalize is not asked. */
    public static final String CIRCUIT_OPEN = "circuit-open";

    private final String reason;

    public CampaignUnavailable(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
