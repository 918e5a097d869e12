package io.marquee.rating.service;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of ratings, newest change first; {@code nextCursor} is null on the last page. */
public record RatingPage(List<Rating> items,
                         @Schema(nullable = true, description = "Pass back as `cursor` for the next page") String nextCursor) {
}
