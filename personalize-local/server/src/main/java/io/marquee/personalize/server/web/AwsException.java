package io.marquee.personalize.server.web;

/**
 * A modeled Personalize error: the SDK turns {@link #type()} into its exception class, so the
 * name must match the service model exactly. No stack trace: these are answers, not failures.
 */
public class AwsException extends RuntimeException {

    private final String type;
    private final int status;

    public AwsException(String type, int status, String message) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    /** A request that breaks a constraint of the API; the message names the field. */
    public static AwsException invalid(String message) {
        return new AwsException("InvalidInputException", 400, message);
    }

    /** An ARN, tracking id or item that does not exist (or no longer does). */
    public static AwsException notFound(String message) {
        return new AwsException("ResourceNotFoundException", 404, message);
    }

    /** Deleting or changing something another resource still uses, or that is busy. */
    public static AwsException inUse(String message) {
        return new AwsException("ResourceInUseException", 409, message);
    }

    /** A create with a name that is already taken. */
    public static AwsException alreadyExists(String message) {
        return new AwsException("ResourceAlreadyExistsException", 409, message);
    }
}
