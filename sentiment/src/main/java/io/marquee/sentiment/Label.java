package io.marquee.sentiment;

/** The three labels a review can carry. */
public enum Label {
    POSITIVE, NEGATIVE, NEUTRAL;

    /** The lower-case name used in JSON, query parameters and storage. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The label for a lower-case wire name, or null when the name is not one of them. */
    public static Label fromWire(String value) {
        for (Label label : values()) {
            if (label.wire().equals(value)) {
                return label;
            }
        }
        return null;
    }
}
