package io.marquee.common.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request ids travel in {@code X-Request-Id} from the gateway to every service and back, and are
 * logged (MDC key {@code requestId}) so one request can be followed across processes.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Property name under which the current request's id is kept in the request context. */
    public static final String CONTEXT_PROPERTY = "marquee.requestId";

    // Client-supplied ids are echoed into headers and logs: accept only a safe, short alphabet.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /** The caller's id if it is safe to reuse, else a fresh one. */
    public static String acceptOrCreate(String supplied) {
        if (supplied != null && ACCEPTABLE.matcher(supplied).matches()) {
            return supplied;
        }
        return UUID.randomUUID().toString();
    }
}
