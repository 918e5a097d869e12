package io.marquee.sentiment.eval;

import io.marquee.sentiment.Label;
import io.marquee.sentiment.LocalSentimentAnalyzer;
import io.marquee.sentiment.Sentiment;
import io.marquee.sentiment.lexicon.ValenceAnalyzer;
import io.marquee.sentiment.model.Example;
import io.marquee.sentiment.model.Features;
import io.marquee.sentiment.model.Trainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentiment commands, run by bench/sentiment.sh:
 * <ul>
 *   <li>{@code train DATASETS MODEL_TSV}: fit the shipped model on both development sets</li>
 *   <li>{@code evaluate DATASETS}: per set, the VADER rules alone, then the cross-domain split
 *       (trained on the other set), then 5-fold cross-validation within the set</li>
 *   <li>{@code speed DATASETS [ROUNDS]}: microseconds to label one review with the shipped model</li>
 * </ul>
 */
public final class SentimentBench {

    private SentimentBench() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: train DATASETS MODEL_TSV | evaluate DATASETS | speed DATASETS [ROUNDS]");
            System.exit(2);
        }
        Path folder = Path.of(args[1]);
        switch (args[0]) {
            case "train" -> train(folder, Path.of(args[2]));
            case "evaluate" -> evaluate(folder);
            case "speed" -> speed(folder, args.length > 2 ? Integer.parseInt(args[2]) : 20);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    static void train(Path folder, Path out) {
        List<Example> all = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Dataset d : Dataset.development(folder)) {
            all.addAll(d.examples());
            names.add(d.name());
        }
        Trainer.Fit fit = new Trainer(LocalSentimentAnalyzer.standardFeatures()).train(all,
                "Kotzias et al. KDD 2015 review sentences: " + String.join(" + ", names));
        fit.model().write(out);
        System.out.printf(Locale.ROOT, "wrote %s: %d weights, L2 %.1f, cross-validated accuracy %.3f%n",
                out, fit.model().weights().size(), fit.lambda(), fit.cvAccuracy());
    }

    static void evaluate(Path folder) {
        List<Dataset> sets = Dataset.development(folder);
        Features features = LocalSentimentAnalyzer.standardFeatures();
        ValenceAnalyzer rules = new ValenceAnalyzer(io.marquee.sentiment.lexicon.Lexicon.standard());
        Trainer trainer = new Trainer(features);
        for (Dataset test : sets) {
            boolean[] actual = new boolean[test.examples().size()];
            for (int i = 0; i < actual.length; i++) {
                actual[i] = test.examples().get(i).positive();
            }
            System.out.println("== " + test.name() + " (" + actual.length + " sentences)");

            boolean[] byRules = new boolean[actual.length];
            for (int i = 0; i < actual.length; i++) {
                byRules[i] = rules.analyze(test.examples().get(i).text()).compound() >= 0;
            }
            System.out.print(Metrics.of(actual, byRules).report("valence rules alone (compound >= 0):"));

            for (Dataset train : sets) {
                if (train == test) {
                    continue;
                }
                Trainer.Fit fit = trainer.train(train.examples(), train.name());
                LocalSentimentAnalyzer analyzer = new LocalSentimentAnalyzer(features, fit.model(),
                        LocalSentimentAnalyzer.DEFAULT_NEUTRAL_BAND);
                boolean[] predicted = new boolean[actual.length];
                int neutral = 0;
                for (int i = 0; i < actual.length; i++) {
                    String text = test.examples().get(i).text();
                    predicted[i] = analyzer.probability(text) >= 0.5;
                    if (analyzer.analyze(text).label() == Label.NEUTRAL) {
                        neutral++;
                    }
                }
                System.out.print(Metrics.of(actual, predicted).report(String.format(Locale.ROOT,
                        "cross-domain: trained on %s (L2 %.1f by CV on %s), tested on %s:",
                        train.name(), fit.lambda(), train.name(), test.name())));
                System.out.printf(Locale.ROOT, "  labelled neutral at |score| < %.1f: %d of %d%n",
                        LocalSentimentAnalyzer.DEFAULT_NEUTRAL_BAND, neutral, actual.length);
            }
            Trainer.Fit within = trainer.train(test.examples(), test.name());
            System.out.printf(Locale.ROOT, "within %s, 5-fold cross-validation: accuracy %.3f%n%n",
                    test.name(), within.cvAccuracy());
        }
    }

    static void speed(Path folder, int rounds) {
        LocalSentimentAnalyzer analyzer = LocalSentimentAnalyzer.standard();
        List<String> sentences = new ArrayList<>();
        for (Dataset d : Dataset.development(folder)) {
            for (Example e : d.examples()) {
                sentences.add(e.text());
            }
        }
        // Reviews are often a paragraph: also time five sentences joined into one text.
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i + 5 <= sentences.size(); i += 5) {
            paragraphs.add(String.join(" ", sentences.subList(i, i + 5)));
        }
        long sink = 0;
        for (int warm = 0; warm < 5; warm++) {
            sink += run(analyzer, sentences) + run(analyzer, paragraphs);
        }
        long sentenceNanos = 0;
        long paragraphNanos = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            sink += run(analyzer, sentences);
            long t1 = System.nanoTime();
            sink += run(analyzer, paragraphs);
            long t2 = System.nanoTime();
            sentenceNanos += t1 - t0;
            paragraphNanos += t2 - t1;
        }
        System.out.printf(Locale.ROOT, "one sentence (mean %d chars): %.1f µs per review over %d x %d labels%n",
                meanLength(sentences), sentenceNanos / 1000.0 / rounds / sentences.size(), rounds, sentences.size());
        System.out.printf(Locale.ROOT, "five sentences (mean %d chars): %.1f µs per review over %d x %d labels%n",
                meanLength(paragraphs), paragraphNanos / 1000.0 / rounds / paragraphs.size(), rounds, paragraphs.size());
        System.out.println("(checksum " + sink + ")");
    }

    private static long run(LocalSentimentAnalyzer analyzer, List<String> texts) {
        long positives = 0;
        for (String t : texts) {
            Sentiment s = analyzer.analyze(t);
            if (s.label() == Label.POSITIVE) {
                positives++;
            }
        }
        return positives;
    }

    private static int meanLength(List<String> texts) {
        long total = 0;
        for (String t : texts) {
            total += t.length();
        }
        return (int) (total / texts.size());
    }
}
