package io.marquee.recommendation.rank;

import java.util.List;

/** The body of {@code POST /recommendations/rank}: the caller's titles, validated by {@link RankService}. */
public record RankRequest(List<String> itemIds) {
}
