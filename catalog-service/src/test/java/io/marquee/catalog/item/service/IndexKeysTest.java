package io.marquee.catalog.item.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.common.web.PageCursor;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexKeysTest {

    @Test
    void sortKeyIgnoresCaseAccentsAndALeadingArticle() {
        assertThat(IndexKeys.sortKey("The  Élan Vital", "m1")).isEqualTo("elan vital#m1");
        assertThat(IndexKeys.sortKey("A Beautiful Mind", "m2")).isEqualTo("beautiful mind#m2");
        assertThat(IndexKeys.sortKey("An Education", "m3")).isEqualTo("education#m3");
        assertThat(IndexKeys.sortKey("Theory", "m4")).isEqualTo("theory#m4");
        assertThat(IndexKeys.sortKey("Ame\u0301lie", "m5")).isEqualTo("amelie#m5");
    }

    @Test
    void sortKeyTitlePartIsBoundedWithoutSplittingSurrogates() {
        String key = IndexKeys.sortKey("x".repeat(63) + "🎬🎬", "id");
        assertThat(key).isEqualTo("x".repeat(63) + "#id");
        assertThat(IndexKeys.sortKey("🎬".repeat(300), "id")).hasSize(64 + 3);
    }

    @Test
    void anItemIsInAllItsYearAndEachOfItsGenres() {
        assertThat(IndexKeys.buckets(List.of("Drama", "War"), 1999)).containsExactly(
                "all", "year#1999", "genre#Drama", "genre#War");
        assertThat(IndexKeys.buckets(List.of("Drama"), null)).containsExactly("all", "genre#Drama");
    }

    @Test
    void aListingByGenreAndYearReadsTheYearsBucketKeepingTheGenreAndHasItsOwnName() {
        assertThat(IndexKeys.listing("Drama", 1999))
                .isEqualTo(new IndexKeys.Listing("genre#Drama#year#1999", "year#1999", "Drama"));
        assertThat(IndexKeys.listing("Drama", null)).isEqualTo(new IndexKeys.Listing("genre#Drama", "genre#Drama", null));
        assertThat(IndexKeys.listing(null, 1999)).isEqualTo(new IndexKeys.Listing("year#1999", "year#1999", null));
        assertThat(IndexKeys.listing(null, null)).isEqualTo(new IndexKeys.Listing("all", "all", null));
    }

    @Test
    void longestCursorFitsTheLimit() {
        String title = "\u4e2d".repeat(300);
        String cursor = new PageCursor("genre#Documentary#year#2000",
                IndexKeys.sortKey(title, "a".repeat(64))).encode();
        assertThat(cursor.length()).isLessThanOrEqualTo(PageCursor.MAX_LENGTH);
        assertThat(PageCursor.decode(cursor, "genre#Documentary#year#2000", key -> true)).startsWith("\u4e2d");
    }
}
