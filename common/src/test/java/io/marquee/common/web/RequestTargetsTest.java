package io.marquee.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTargetsTest {

    @Test
    void wellFormedTargetsPass() {
        for (String target : new String[] {"/", "/api/v1/movies/1", "/api/v1/movies/search?q=Am%C3%A9lie%20toy&limit=5",
                "/items/a%00b", "/x?q=%F0%9F%8E%AC", "/x?a=1&b=&c", "/x?q=a+b", "*"}) {
            assertThat(RequestTargets.problemWith(target)).as(target).isEmpty();
        }
    }

    @Test
    void brokenEscapesAreNamedByWhereTheyAre() {
        for (String target : new String[] {"/x?q=%zz", "/x?q=%", "/x?q=%0", "/x?q=%u0000", "/x?q=%%00", "/x?q=%E0%A4%A"}) {
            assertThat(RequestTargets.problemWith(target)).as(target)
                    .contains("The query string " + RequestTargets.BAD_ESCAPE);
        }
        for (String target : new String[] {"/x/%zz", "/x/%E0%A4%A", "/%", "/x/%g0?q=fine"}) {
            assertThat(RequestTargets.problemWith(target)).as(target).contains("The path " + RequestTargets.BAD_ESCAPE);
        }
    }

    @Test
    void escapesThatDoNotSpellUtf8AreRefusedIncludingOverlongAndSurrogateForms() {
        for (String bytes : new String[] {"%C0%80", "%C0%AE", "%E0%A4", "%FF", "%ED%A0%80", "%F8%88%80%80%80"}) {
            assertThat(RequestTargets.problemWith("/x?q=" + bytes)).as(bytes)
                    .contains("The query string " + RequestTargets.NOT_UTF8);
            assertThat(RequestTargets.problemWith("/x/" + bytes)).as(bytes).contains("The path " + RequestTargets.NOT_UTF8);
        }
        // Raw bytes as Netty hands them over (one char per byte): valid UTF-8 passes, a lone byte does not.
        assertThat(RequestTargets.problemWith("/x/\u00c3\u00a9")).isEmpty();
        assertThat(RequestTargets.problemWith("/x/\u00e9")).contains("The path " + RequestTargets.NOT_UTF8);
    }

    @Test
    void charactersAUriMayNotCarryAreRefusedWithoutQuotingThem() {
        assertThat(RequestTargets.problemWith("/x?q=a|b")).get().asString()
                .startsWith("The query string has a character that must be percent-encoded");
        assertThat(RequestTargets.problemWith("/x/{id}")).get().asString()
                .startsWith("The path has a character that must be percent-encoded");
        assertThat(RequestTargets.problemWith("/x/a\u0001b")).get().asString()
                .startsWith("The path has a character that must be percent-encoded");
        assertThat(RequestTargets.problemWith("/x?q=<script>")).get().asString().doesNotContain("script");
    }
}
