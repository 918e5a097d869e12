package io.marquee.sentiment.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fits a {@link LogisticModel}: L2-regularised log loss, full-batch gradient descent with AdaGrad
 * steps (deterministic: same data, same model). The regularisation strength is chosen by 5-fold
 * cross-validation on the training data only, so no evaluation text ever picks a setting.
 */
public final class Trainer {

    /** The strengths cross-validation picks from (summed loss, so per training set, not per example). */
    static final double[] LAMBDAS = {0.3, 1, 3, 10};
    /** An n-gram must occur in this many training texts to get a weight. */
    static final int MIN_COUNT = 3;
    /** Rule features encode prior knowledge: they are held back ten times less than n-grams. */
    static final double RULE_PENALTY_SHARE = 0.1;
    private static final int ITERATIONS = 400;
    private static final double STEP = 0.5;
    private static final int FOLDS = 5;

    private final Features features;

    public Trainer(Features features) {
        this.features = features;
    }

    /** Features of each example, extracted once and reused across folds and strengths. */
    public List<Map<String, Double>> extractAll(List<Example> examples) {
        List<Map<String, Double>> out = new ArrayList<>(examples.size());
        for (Example e : examples) {
            out.add(features.extract(e.text()).values());
        }
        return out;
    }

    /** The model for these examples, with the strength cross-validation chose, and that choice. */
    public record Fit(LogisticModel model, double lambda, double cvAccuracy) {
    }

    public Fit train(List<Example> examples, String description) {
        List<Map<String, Double>> x = extractAll(examples);
        double bestLambda = LAMBDAS[0];
        double bestAccuracy = -1;
        for (double lambda : LAMBDAS) {
            double accuracy = crossValidate(examples, x, lambda);
            // Ties go to the stronger regularisation: the simpler model.
            if (accuracy >= bestAccuracy) {
                bestAccuracy = accuracy;
                bestLambda = lambda;
            }
        }
        List<String> header = List.of(
                "Marquee review sentiment: logistic regression over VADER-style rule features and n-grams.",
                "Written by the Train command (bench/sentiment.sh train); do not edit by hand.",
                "Trained on: " + description + " (" + examples.size() + " sentences)",
                String.format(java.util.Locale.ROOT, "L2 strength %.1f chosen by %d-fold cross-validation (accuracy %.3f)",
                        bestLambda, FOLDS, bestAccuracy));
        return new Fit(fit(examples, x, bestLambda, header), bestLambda, bestAccuracy);
    }

    private double crossValidate(List<Example> examples, List<Map<String, Double>> x, double lambda) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(42));
        int correct = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Example> trainE = new ArrayList<>();
            List<Map<String, Double>> trainX = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int k = 0; k < order.size(); k++) {
                int i = order.get(k);
                if (k % FOLDS == fold) {
                    held.add(i);
                } else {
                    trainE.add(examples.get(i));
                    trainX.add(x.get(i));
                }
            }
            LogisticModel model = fit(trainE, trainX, lambda, List.of());
            for (int i : held) {
                if ((model.probability(x.get(i)) >= 0.5) == examples.get(i).positive()) {
                    correct++;
                }
            }
        }
        return correct / (double) examples.size();
    }

    static LogisticModel fit(List<Example> examples, List<Map<String, Double>> x, double lambda, List<String> header) {
        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, Double> f : x) {
            for (String name : f.keySet()) {
                counts.merge(name, 1, Integer::sum);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (!Features.isNgram(e.getKey()) || e.getValue() >= MIN_COUNT) {
                index.put(e.getKey(), names.size());
                names.add(e.getKey());
            }
        }
        names.sort(null);
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        int d = names.size();
        double[] penalty = new double[d];
        for (int j = 0; j < d; j++) {
            penalty[j] = Features.isNgram(names.get(j)) ? lambda : lambda * RULE_PENALTY_SHARE;
        }
        int n = examples.size();
        int[][] idx = new int[n][];
        double[][] val = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            List<int[]> kept = new ArrayList<>();
            List<Double> vs = new ArrayList<>();
            for (Map.Entry<String, Double> e : x.get(i).entrySet()) {
                Integer j = index.get(e.getKey());
                if (j != null && e.getValue() != 0) {
                    kept.add(new int[] {j});
                    vs.add(e.getValue());
                }
            }
            idx[i] = new int[kept.size()];
            val[i] = new double[kept.size()];
            for (int k = 0; k < kept.size(); k++) {
                idx[i][k] = kept.get(k)[0];
                val[i][k] = vs.get(k);
            }
            y[i] = examples.get(i).positive() ? 1 : 0;
        }
        double[] w = new double[d];
        double b = 0;
        double[] g2 = new double[d];
        double b2 = 0;
        double[] grad = new double[d];
        for (int it = 0; it < ITERATIONS; it++) {
            java.util.Arrays.fill(grad, 0);
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double z = b;
                for (int k = 0; k < idx[i].length; k++) {
                    z += w[idx[i][k]] * val[i][k];
                }
                double err = 1.0 / (1.0 + Math.exp(-z)) - y[i];
                gb += err;
                for (int k = 0; k < idx[i].length; k++) {
                    grad[idx[i][k]] += err * val[i][k];
                }
            }
            for (int j = 0; j < d; j++) {
                double g = grad[j] + penalty[j] * w[j];
                g2[j] += g * g;
                if (g2[j] > 0) {
                    w[j] -= STEP * g / Math.sqrt(g2[j]);
                }
            }
            b2 += gb * gb;
            if (b2 > 0) {
                b -= STEP * gb / Math.sqrt(b2);
            }
        }
        Map<String, Double> weights = new HashMap<>();
        for (int j = 0; j < d; j++) {
            // Weights this small change no prediction; leaving them out keeps the file readable.
            if (Math.abs(w[j]) >= 1e-3) {
                weights.put(names.get(j), w[j]);
            }
        }
        return new LogisticModel(b, weights, header);
    }
}
