package io.marquee.rating.review.service;

import io.marquee.rating.repository.JobRepository.Job;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the sentiment backfill is.
 *
 * @param status   {@code running}, {@code done} or {@code failed} (start it again to resume)
 * @param mode     {@code missing} (reviews without a label) or {@code all} (every review)
 * @param scanned  ratings looked at in this run
 * @param labelled reviews given a new label in this run
 * @param error    what made it fail, or null
 */
@Schema(description = "Progress of the review sentiment backfill")
public record BackfillProgress(String status, String mode, long scanned, long labelled, Instant startedAt,
                               Instant updatedAt, @Schema(nullable = true) Instant finishedAt,
                               @Schema(nullable = true) String error) {

    static BackfillProgress of(Job job) {
        return new BackfillProgress(job.status(), job.mode(), job.scanned(), job.labelled(), job.startedAt(),
                job.updatedAt(), job.finishedAt(), job.error());
    }
}
