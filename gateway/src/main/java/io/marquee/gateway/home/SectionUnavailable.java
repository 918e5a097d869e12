package io.marquee.gateway.home;

/** A section's service answered, but not with a row: the section is omitted with this reason. */
public class SectionUnavailable extends RuntimeException {

    public SectionUnavailable(String reason) {
        super(reason, null, false, false);
    }
}
