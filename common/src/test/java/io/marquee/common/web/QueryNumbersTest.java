package io.marquee.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryNumbersTest {

    @Test
    void aWholeNumberInRangeIsRead() {
        assertThat(QueryNumbers.inRange("1", 1, 50)).isEqualTo(1);
        assertThat(QueryNumbers.inRange("50", 1, 50)).isEqualTo(50);
        assertThat(QueryNumbers.inRange("1999", 1888, 2100)).isEqualTo(1999);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "51", "-1", "", " 5", "1.5", "x", "1e3", "99999999999", "999999999999999999999"})
    void anythingElseIsNull(String text) {
        assertThat(QueryNumbers.inRange(text, 1, 50)).isNull();
    }
}
