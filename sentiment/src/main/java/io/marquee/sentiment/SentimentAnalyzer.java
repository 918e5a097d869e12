package io.marquee.sentiment;

import java.util.ArrayList;
import java.util.List;

/** Labels texts. Implementations are thread-safe. */
public interface SentimentAnalyzer {

    Sentiment analyze(String text);

    /** Labels many texts; remote implementations override this to batch their calls. */
    default List<Sentiment> analyzeAll(List<String> texts) {
        List<Sentiment> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(analyze(text));
        }
        return out;
    }
}
