package io.marquee.rating.review.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A review's helpful votes after my vote or its removal.
 *
 * @param helpful how many users marked the review helpful
 * @param mine    whether I am one of them
 */
@Schema(description = "A review's helpful votes after my change")
public record HelpfulVotes(String itemId, String authorId, int helpful, boolean mine) {
}
