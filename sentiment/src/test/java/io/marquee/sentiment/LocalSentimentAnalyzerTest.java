package io.marquee.sentiment;

import io.marquee.sentiment.model.Example;
import io.marquee.sentiment.model.LogisticModel;
import io.marquee.sentiment.model.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped model on plain review texts, and training on a toy set. */
class LocalSentimentAnalyzerTest {

    private final LocalSentimentAnalyzer analyzer = LocalSentimentAnalyzer.standard();

    @Test
    void clearReviewsGetTheirObviousLabel() {
        assertThat(analyzer.analyze("A wonderful film, I loved every minute of it.").label()).isEqualTo(Label.POSITIVE);
        assertThat(analyzer.analyze("Terrible plot and the acting was awful.").label()).isEqualTo(Label.NEGATIVE);
        assertThat(analyzer.analyze("Not good at all, a waste of my time.").label()).isEqualTo(Label.NEGATIVE);
        assertThat(analyzer.analyze("The first hour drags, but the ending is brilliant and moving.").label())
                .isEqualTo(Label.POSITIVE);
    }

    @Test
    void scoresStayWithinMinusOneAndOneAndFollowTheLabel() {
        for (String text : List.of("great great great great!!!!", "worst worst awful horrible!!!", "ok")) {
            Sentiment s = analyzer.analyze(text);
            assertThat(s.score()).isBetween(-1.0, 1.0);
            assertThat(s.source()).isEqualTo("local");
            if (s.label() == Label.POSITIVE) {
                assertThat(s.score()).isPositive();
            } else if (s.label() == Label.NEGATIVE) {
                assertThat(s.score()).isNegative();
            }
        }
    }

    @Test
    void emptyAndBlankTextsAreNeutral() {
        assertThat(analyzer.analyze("")).isEqualTo(Sentiment.neutral("local"));
        assertThat(analyzer.analyze("   \n")).isEqualTo(Sentiment.neutral("local"));
        assertThat(analyzer.analyze(null)).isEqualTo(Sentiment.neutral("local"));
    }

    @Test
    void hostileAndHugeTextsAreJudgedWithoutFailing() {
        String huge = "bad ".repeat(200_000);
        assertThat(analyzer.analyze(huge).label()).isEqualTo(Label.NEGATIVE);
        assertThat(analyzer.analyze("<script>alert(1)</script> ' OR 1=1 -- \u0000 \uD83D").score()).isBetween(-1.0, 1.0);
    }

    @Test
    void theTrainerLearnsWordsItWasNeverToldAbout(@TempDir Path dir) throws Exception {
        // "zorp" and "blick" are in no lexicon: only the n-gram weights can learn them.
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            examples.add(new Example("the zorp thing number " + i, true));
            examples.add(new Example("the blick thing number " + i, false));
        }
        Trainer.Fit fit = new Trainer(LocalSentimentAnalyzer.standardFeatures()).train(examples, "toy");
        LocalSentimentAnalyzer toy = new LocalSentimentAnalyzer(LocalSentimentAnalyzer.standardFeatures(), fit.model(), 0.2);
        assertThat(toy.analyze("a zorp").label()).isEqualTo(Label.POSITIVE);
        assertThat(toy.analyze("a blick").label()).isEqualTo(Label.NEGATIVE);

        Path file = dir.resolve("model.tsv");
        fit.model().write(file);
        LogisticModel back;
        try (InputStream in = Files.newInputStream(file)) {
            back = LogisticModel.read(in);
        }
        assertThat(back.weights().keySet()).isEqualTo(fit.model().weights().keySet());
        assertThat(back.weights().get("w:zorp")).isPositive();
        assertThat(Files.readString(file)).startsWith("# Marquee review sentiment");
    }

    @Test
    void wireNamesRoundTripAndUnknownOnesAreRefused() {
        for (Label label : Label.values()) {
            assertThat(Label.fromWire(label.wire())).isEqualTo(label);
        }
        assertThat(Label.fromWire("NEGATIVE")).isNull();
        assertThat(Label.fromWire("mixed")).isNull();
    }
}
