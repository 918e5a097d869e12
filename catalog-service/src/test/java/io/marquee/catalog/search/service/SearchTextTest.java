package io.marquee.catalog.search.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void wordsAreFoldedForCaseAndAccentsAndSplitOnPunctuation() {
        assertThat(SearchText.words("Amélie")).containsExactly("amelie");
        assertThat(SearchText.words("AME\u0301LIE")).containsExactly("amelie");
        assertThat(SearchText.words("Spider-Man: No Way Home (2021)"))
                .containsExactly("spider", "man", "no", "way", "home", "2021");
        assertThat(SearchText.words("Ｓｔａｒ　Ｗａｒｓ")).containsExactly("star", "wars"); // full-width, NFKD
        assertThat(SearchText.words("İstanbul")).containsExactly("istanbul");
        assertThat(SearchText.words("!!! -- ;")).isEmpty();
    }

    @Test
    void indexedWordsAreDistinctAndBounded() {
        assertThat(SearchText.indexedWords("Tora! Tora! Tora!")).containsExactly("tora");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            many.append("w").append(i).append(' ');
        }
        assertThat(SearchText.indexedWords(many.toString())).hasSize(SearchText.MAX_INDEXED_WORDS);
        assertThat(SearchText.words("x".repeat(100)).get(0)).hasSize(SearchText.MAX_WORD_LENGTH);
    }

    @Test
    void aWordLivesInThePartitionOfItsFirstTwoCharacters() {
        assertThat(SearchText.partitionOf("wars")).isEqualTo("wa");
        assertThat(SearchText.partitionOf("a")).isEqualTo("a");
        assertThat(SearchText.partitionOf("🎬🍿x")).isEqualTo("🎬🍿");
        assertThat(SearchText.isSingleCharacter("🎬")).isTrue();
    }

    @Test
    void tiersRankExactThenWholeWordsThenPrefix() {
        assertThat(SearchService.tier(List.of("star", "wars"), List.of("star", "wars"))).isZero();
        assertThat(SearchService.tier(List.of("wars", "star"), List.of("star", "wars"))).isEqualTo(1);
        assertThat(SearchService.tier(List.of("star", "wa"), List.of("star", "wars"))).isEqualTo(2);
        assertThat(SearchService.tier(List.of("sta", "wars"), List.of("star", "wars"))).isEqualTo(-1);
        assertThat(SearchService.tier(List.of("trek"), List.of("star", "wars"))).isEqualTo(-1);
    }
}
