package io.marquee.gateway.home;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The home page: the rows that made it in time, and the ones that did not, with why. */
@Schema(name = "Home", description = "The composed home page")
public record Home(List<Section> sections, List<Omitted> omitted) {

    /** A row left out of this answer. */
    @Schema(name = "HomeOmittedSection")
    public record Omitted(
            @Schema(examples = "for-you") String id,
            @Schema(description = "timeout, unavailable, or the service's own reason", examples = "timeout") String reason) {
    }
}
