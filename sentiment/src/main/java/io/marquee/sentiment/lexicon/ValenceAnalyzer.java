package io.marquee.sentiment.lexicon;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of VADER (Hutto and Gilbert, ICWSM 2014) over a {@link Lexicon}, following its reference
 * implementation: negation within three words scales a valence by -0.74, boosters and dampeners add
 * or take 0.293 (less with distance), an all-caps word in a mixed-case text adds 0.733, words before
 * "but" count half and after it one and a half, and "!" / "?" add emphasis. Changes from VADER:
 * "however" contrasts like "but", emoji are scored, and a lone capital ("I") is not shouting.
 * Stateless and thread-safe.
 */
public final class ValenceAnalyzer {

    /** VADER's empirically derived constants. */
    static final double BOOST = 0.293;
    static final double CAPS_BOOST = 0.733;
    static final double NEGATION_SCALAR = -0.74;
    static final double BEFORE_CONTRAST = 0.5;
    static final double AFTER_CONTRAST = 1.5;
    private static final double NORMALIZE_ALPHA = 15;

    private static final Set<String> NEGATORS = Set.of(
            "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't",
            "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt",
            "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't",
            "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
            "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't",
            "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely",
            "seldom", "despite");

    private static final Map<String, Double> BOOSTERS = boosters();

    private static final Map<String, Double> IDIOMS = Map.of(
            "the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5, "yeah right", -2.0,
            "cut the mustard", 2.0, "kiss of death", -1.5, "hand to mouth", -2.0);

    private static final Set<String> CONTRASTS = Set.of("but", "however");

    private final Lexicon lexicon;
    private final Tokenizer tokenizer;

    public ValenceAnalyzer(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.tokenizer = new Tokenizer(lexicon);
    }

    public Valence analyze(String text) {
        List<Token> tokens = tokenizer.tokenize(text);
        int n = tokens.size();
        double[] valences = new double[n];
        boolean capsDiffer = capsDiffer(tokens);
        int negations = 0;
        for (int i = 0; i < n; i++) {
            String word = tokens.get(i).lower();
            if (isNegator(word)) {
                negations++;
            }
            if (BOOSTERS.containsKey(word)) {
                continue;
            }
            if (word.equals("kind") && i + 1 < n && tokens.get(i + 1).lower().equals("of")) {
                continue;
            }
            valences[i] = valence(tokens, i, capsDiffer);
        }
        int contrastAt = contrastAt(tokens);
        if (contrastAt >= 0) {
            for (int i = 0; i < n; i++) {
                if (i < contrastAt) {
                    valences[i] *= BEFORE_CONTRAST;
                } else if (i > contrastAt) {
                    valences[i] *= AFTER_CONTRAST;
                }
            }
        }
        return score(tokens, valences, text, contrastAt, negations);
    }

    private double valence(List<Token> tokens, int i, boolean capsDiffer) {
        Token token = tokens.get(i);
        Double known = lexicon.valence(token.lower());
        if (known == null) {
            return 0;
        }
        double valence = known;
        int n = tokens.size();
        // "no" followed by a known word negates it rather than counting as a sentiment word itself.
        if (token.lower().equals("no") && i + 1 < n && lexicon.contains(tokens.get(i + 1).lower())) {
            valence = 0;
        }
        if ((i > 0 && word(tokens, i - 1).equals("no")) || (i > 1 && word(tokens, i - 2).equals("no"))
                || (i > 2 && word(tokens, i - 3).equals("no") && (word(tokens, i - 1).equals("or")
                || word(tokens, i - 1).equals("nor")))) {
            valence = known * NEGATION_SCALAR;
        }
        if (capsDiffer && token.allCaps()) {
            valence += valence > 0 ? CAPS_BOOST : -CAPS_BOOST;
        }
        for (int distance = 0; distance < 3; distance++) {
            int before = i - (distance + 1);
            if (before < 0 || lexicon.contains(word(tokens, before))) {
                continue;
            }
            double scalar = boost(tokens.get(before), valence, capsDiffer);
            if (distance == 1) {
                scalar *= 0.95;
            } else if (distance == 2) {
                scalar *= 0.9;
            }
            valence += scalar;
            valence = negationCheck(valence, tokens, distance, i);
            if (distance == 2) {
                valence = idiomCheck(valence, tokens, i);
            }
        }
        return leastCheck(valence, tokens, i);
    }

    private static double boost(Token word, double valence, boolean capsDiffer) {
        Double scalar = BOOSTERS.get(word.lower());
        if (scalar == null) {
            return 0;
        }
        double s = valence < 0 ? -scalar : scalar;
        if (capsDiffer && word.allCaps()) {
            s += valence > 0 ? CAPS_BOOST : -CAPS_BOOST;
        }
        return s;
    }

    private static double negationCheck(double valence, List<Token> tokens, int distance, int i) {
        switch (distance) {
            case 0 -> {
                if (isNegator(word(tokens, i - 1))) {
                    return valence * NEGATION_SCALAR;
                }
            }
            case 1 -> {
                String w2 = word(tokens, i - 2);
                String w1 = word(tokens, i - 1);
                if (w2.equals("never") && (w1.equals("so") || w1.equals("this"))) {
                    return valence * 1.25;
                }
                if (w2.equals("without") && w1.equals("doubt")) {
                    return valence;
                }
                if (isNegator(w2)) {
                    return valence * NEGATION_SCALAR;
                }
            }
            default -> {
                String w3 = word(tokens, i - 3);
                String w2 = word(tokens, i - 2);
                String w1 = word(tokens, i - 1);
                if (w3.equals("never") && (w2.equals("so") || w2.equals("this") || w1.equals("so") || w1.equals("this"))) {
                    return valence * 1.25;
                }
                if (w3.equals("without") && (w2.equals("doubt") || w1.equals("doubt"))) {
                    return valence;
                }
                if (isNegator(w3)) {
                    return valence * NEGATION_SCALAR;
                }
            }
        }
        return valence;
    }

    private static double idiomCheck(double valence, List<Token> tokens, int i) {
        String w0 = word(tokens, i);
        String w1 = word(tokens, i - 1);
        String w2 = word(tokens, i - 2);
        String w3 = word(tokens, i - 3);
        for (String phrase : new String[] {w1 + " " + w0, w2 + " " + w1 + " " + w0, w2 + " " + w1, w3 + " " + w2 + " " + w1, w3 + " " + w2}) {
            Double idiom = IDIOMS.get(phrase);
            if (idiom != null) {
                valence = idiom;
                break;
            }
        }
        if (i + 1 < tokens.size()) {
            Double next = IDIOMS.get(w0 + " " + word(tokens, i + 1));
            if (next != null) {
                valence = next;
            }
        }
        return valence;
    }

    private double leastCheck(double valence, List<Token> tokens, int i) {
        if (i > 1 && !lexicon.contains(word(tokens, i - 1)) && word(tokens, i - 1).equals("least")) {
            String w2 = word(tokens, i - 2);
            if (!w2.equals("at") && !w2.equals("very")) {
                return valence * NEGATION_SCALAR;
            }
        } else if (i > 0 && !lexicon.contains(word(tokens, i - 1)) && word(tokens, i - 1).equals("least")) {
            return valence * NEGATION_SCALAR;
        }
        return valence;
    }

    private static Valence score(List<Token> tokens, double[] valences, String text, int contrastAt, int negations) {
        double sum = 0;
        double positive = 0;
        double negative = 0;
        int neutral = 0;
        for (double v : valences) {
            sum += v;
            if (v > 0) {
                positive += v + 1;
            } else if (v < 0) {
                negative += v - 1;
            } else {
                neutral++;
            }
        }
        if (valences.length == 0) {
            return new Valence(tokens, valences, 0, 0, 0, contrastAt, negations);
        }
        double emphasis = punctuationEmphasis(text);
        if (sum > 0) {
            sum += emphasis;
        } else if (sum < 0) {
            sum -= emphasis;
        }
        double compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + NORMALIZE_ALPHA)));
        if (positive > Math.abs(negative)) {
            positive += emphasis;
        } else if (positive < Math.abs(negative)) {
            negative -= emphasis;
        }
        double total = positive + Math.abs(negative) + neutral;
        return new Valence(tokens, valences, compound, Math.abs(positive / total), Math.abs(negative / total),
                contrastAt, negations);
    }

    /** Up to four "!" add 0.292 each; two or three "?" add 0.18 each, more add 0.96. */
    static double punctuationEmphasis(String text) {
        int exclamations = 0;
        int questions = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!') {
                exclamations++;
            } else if (c == '?') {
                questions++;
            }
        }
        double emphasis = Math.min(exclamations, 4) * 0.292;
        if (questions > 1) {
            emphasis += questions <= 3 ? questions * 0.18 : 0.96;
        }
        return emphasis;
    }

    /** Some but not all tokens are shouted: only then does caps emphasise. */
    private static boolean capsDiffer(List<Token> tokens) {
        int caps = 0;
        for (Token t : tokens) {
            if (t.allCaps()) {
                caps++;
            }
        }
        return caps > 0 && caps < tokens.size();
    }

    private static int contrastAt(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (CONTRASTS.contains(tokens.get(i).lower())) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isNegator(String lowerWord) {
        return NEGATORS.contains(lowerWord) || lowerWord.contains("n't");
    }

    private static String word(List<Token> tokens, int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).lower() : "";
    }

    private static Map<String, Double> boosters() {
        Map<String, Double> b = new java.util.HashMap<>();
        for (String w : new String[] {"absolutely", "amazingly", "awfully", "completely", "considerably",
                "decidedly", "deeply", "effing", "enormously", "entirely", "especially", "exceptionally",
                "extremely", "fabulously", "flipping", "flippin", "fricking", "frickin", "frigging", "friggin",
                "fully", "fucking", "greatly", "hella", "highly", "hugely", "incredibly", "intensely", "majorly",
                "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
                "thoroughly", "totally", "tremendously", "uber", "unbelievably", "unusually", "utterly", "very"}) {
            b.put(w, BOOST);
        }
        for (String w : new String[] {"almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little",
                "marginally", "occasionally", "partly", "scarcely", "slightly", "somewhat", "sorta", "sortof",
                "sort-of"}) {
            b.put(w, -BOOST);
        }
        return Map.copyOf(b);
    }
}
