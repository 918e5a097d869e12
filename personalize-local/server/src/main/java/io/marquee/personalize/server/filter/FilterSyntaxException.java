package io.marquee.personalize.server.filter;

/** A filter expression that does not parse; the message says where and why. */
public class FilterSyntaxException extends RuntimeException {

    public FilterSyntaxException(String message) {
        super(message, null, false, false);
    }
}
