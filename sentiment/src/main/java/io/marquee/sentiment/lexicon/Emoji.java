package io.marquee.sentiment.lexicon;

import java.util.Map;

/**
 * Valences for common emoji on VADER's -4..+4 scale. VADER's JavaScript lexicon has emoticons
 * (":)", ":(") but no emoji; these values are ours, set next to the lexicon's values for the words
 * the emoji stand for ("love" 3.2, "sad" -2.1, "angry" -2.3).
 */
final class Emoji {

    static final Map<String, Double> VALENCES = Map.ofEntries(
            Map.entry("😀", 2.2), Map.entry("😃", 2.2), Map.entry("😄", 2.3), Map.entry("😁", 2.2),
            Map.entry("😆", 2.0), Map.entry("😊", 2.4), Map.entry("🙂", 1.5), Map.entry("😉", 1.2),
            Map.entry("😍", 3.0), Map.entry("🥰", 3.0), Map.entry("😘", 2.3), Map.entry("🤩", 3.0),
            Map.entry("😂", 1.6), Map.entry("🤣", 1.8), Map.entry("👍", 2.0), Map.entry("👏", 2.0),
            Map.entry("🙌", 2.0), Map.entry("❤", 3.0), Map.entry("💕", 2.8), Map.entry("💖", 2.8),
            Map.entry("💯", 2.3), Map.entry("🎉", 2.2), Map.entry("⭐", 1.5), Map.entry("🌟", 2.0),
            Map.entry("😢", -2.1), Map.entry("😭", -2.4), Map.entry("😞", -2.2), Map.entry("😔", -1.8),
            Map.entry("😟", -1.7), Map.entry("🙁", -1.7), Map.entry("☹", -1.9), Map.entry("😠", -2.3),
            Map.entry("😡", -2.8), Map.entry("🤬", -3.0), Map.entry("👎", -2.0), Map.entry("💩", -2.4),
            Map.entry("🤮", -2.9), Map.entry("🤢", -2.4), Map.entry("😒", -1.6), Map.entry("🙄", -1.5),
            Map.entry("😤", -1.8), Map.entry("😩", -2.0), Map.entry("😫", -2.0), Map.entry("💔", -2.6),
            Map.entry("😴", -1.2), Map.entry("🥱", -1.4), Map.entry("😐", -0.3), Map.entry("😑", -0.6));

    private Emoji() {
    }

    /** Whether a code point is drawn as an emoji (the blocks the table above takes from). */
    static boolean isEmoji(int codePoint) {
        return (codePoint >= 0x1F300 && codePoint <= 0x1FAFF)
                || (codePoint >= 0x2600 && codePoint <= 0x27BF)
                || codePoint == 0x2B50;
    }

    /** Variation selectors and joiners that only change how the emoji before them is drawn. */
    static boolean isPresentationMark(int codePoint) {
        return codePoint == 0xFE0F || codePoint == 0xFE0E || codePoint == 0x200D
                || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF);
    }
}
