package io.marquee.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.marquee.common.problem.Problem;
import io.marquee.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

    private static String encoded(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String text, String scope) {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> PageCursor.decode(text, scope, position -> position.startsWith("ok")));
        assertThat(refused).as(text).isNotNull();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors()).extracting(Problem.FieldError::field).containsExactly(PageCursor.FIELD);
    }

    @Test
    void aCursorContinuesItsOwnScopeAtItsPosition() {
        String text = new PageCursor("me:u-1", "ok#2026-11-23T10:00:00Z#42").encode();
        assertThat(text).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(text, "me:u-1", position -> position.startsWith("ok")))
                .isEqualTo("ok#2026-11-23T10:00:00Z#42");
    }

    @Test
    void anotherScopesCursorIsRefused() {
        assertRefused(new PageCursor("me:u-1", "ok1").encode(), "me:u-2");
    }

    @Test
    void aPositionTheServiceCouldNotHaveMadeIsRefused() {
        assertRefused(new PageCursor("s", "forged").encode(), "s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "not base64!", "e30", "bnVsbA", "W10", "eyJxIjoicyJ9", "eyJxIjoicyIsImsiOiIifQ"})
    void garbageIsRefused(String text) {
        // e30 = {}, bnVsbA = null, W10 = [], then {"q":"s"} and {"q":"s","k":""}
        assertRefused(text, "s");
    }

    @Test
    void anOversizedCursorIsRefusedBeforeDecoding() {
        String huge = encoded("{\"q\":\"s\",\"k\":\"ok" + "a".repeat(600) + "\"}");
        assertRefused(huge, "s");
    }
}
