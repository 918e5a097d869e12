package io.marquee.sentiment.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A logistic regression over named features: P(positive) = sigmoid(bias + sum of weight * value).
 * Stored as a TSV of "name TAB weight" lines so a reviewer can read which words and rules carry
 * weight. Immutable and thread-safe.
 */
public final class LogisticModel {

    static final String BIAS = "bias";

    private final double bias;
    private final Map<String, Double> weights;
    private final List<String> header;

    public LogisticModel(double bias, Map<String, Double> weights, List<String> header) {
        this.bias = bias;
        this.weights = Map.copyOf(weights);
        this.header = List.copyOf(header);
    }

    public double probability(Map<String, Double> features) {
        double z = bias;
        for (Map.Entry<String, Double> e : features.entrySet()) {
            Double w = weights.get(e.getKey());
            if (w != null) {
                z += w * e.getValue();
            }
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    public Map<String, Double> weights() {
        return weights;
    }

    public double bias() {
        return bias;
    }

    public void write(Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : header) {
                out.write("# " + line + "\n");
            }
            out.write(BIAS + "\t" + bias + "\n");
            List<Map.Entry<String, Double>> sorted = new ArrayList<>(weights.entrySet());
            // Strongest evidence first, so the file reads as an explanation of the model.
            sorted.sort((a, b) -> {
                int c = Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue()));
                return c != 0 ? c : a.getKey().compareTo(b.getKey());
            });
            for (Map.Entry<String, Double> e : sorted) {
                out.write(e.getKey() + "\t" + (float) (double) e.getValue() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LogisticModel read(InputStream in) {
        double bias = 0;
        Map<String, Double> weights = new HashMap<>();
        List<String> header = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    header.add(line.substring(1).trim());
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                int tab = line.lastIndexOf('\t');
                if (tab < 0) {
                    throw new IllegalArgumentException("model line without a weight: " + line);
                }
                String name = line.substring(0, tab);
                double weight = Double.parseDouble(line.substring(tab + 1));
                if (name.equals(BIAS)) {
                    bias = weight;
                } else {
                    weights.put(name, weight);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LogisticModel(bias, weights, header);
    }
}
