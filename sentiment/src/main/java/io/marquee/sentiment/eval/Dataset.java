package io.marquee.sentiment.eval;

import io.marquee.sentiment.model.Example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One labelled sentence set of Kotzias et al., "From Group to Individual Labels using Deep Features"
 * (KDD 2015): lines of "sentence TAB 0|1". The files stay outside the repository; the commands take
 * their folder.
 */
record Dataset(String name, List<Example> examples) {

    /** The development sets: product (Amazon) and restaurant (Yelp) review sentences. */
    static List<Dataset> development(Path folder) {
        return List.of(read("product", folder.resolve("amazon_cells_labelled.txt")),
                read("restaurant", folder.resolve("yelp_labelled.txt")));
    }

    static Dataset read(String name, Path file) {
        List<Example> examples = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.lastIndexOf('\t');
                if (tab < 0) {
                    continue;
                }
                String label = line.substring(tab + 1).trim();
                if (!label.equals("0") && !label.equals("1")) {
                    continue;
                }
                examples.add(new Example(line.substring(0, tab).trim(), label.equals("1")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new Dataset(name, examples);
    }
}
