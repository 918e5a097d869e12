package io.marquee.ingest.relay;

import io.marquee.common.events.InteractionEvent;
import java.time.Instant;

/**
 * A record of {@code interactions-dlq}: an event the tracker refused for good (a 4xx), or that
 * could not be delivered for longer than the relay waits, with why. Keyed like the event.
 *
 * @param event    the event as it was on {@code interactions}; null when the record was unreadable
 * @param raw      the record's value when it was unreadable, else null
 * @param reason   the tracker's error ({@code InvalidInputException: ...}) or the relay's reason
 * @param source   {@code interactions-<partition>@<offset>}
 * @param failedAt when it was dead-lettered
 */
public record DeadLetter(InteractionEvent event, String raw, String reason, String source, Instant failedAt) {
}
