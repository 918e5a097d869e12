package io.marquee.helm;

import com.marcnuri.helm.Helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The plain manifests in {@code k8s/}: the chart rendered with {@code values-kind.yaml} as release
 * {@value #RELEASE} in namespace {@value #NAMESPACE}, one file per chart template, each opening with
 * a "generated — do not edit" banner. {@code helm/render-k8s.sh} runs {@link #main}; the drift test
 * compares {@link #render} with what is committed.
 */
public final class K8sManifests {

    public static final String RELEASE = "marquee";
    public static final String NAMESPACE = "marquee";
    public static final String VALUES_FILE = "values-kind.yaml";
    /** First line of every generated file; files without it in k8s/ are hand-written and left alone. */
    public static final String BANNER_FIRST_LINE = "# generated — do not edit.";

    private static final Pattern SOURCE = Pattern.compile("^# Source: [^/]+/templates/(.+)\\.yaml$", Pattern.MULTILINE);

    private K8sManifests() {
    }

    /** Regenerates {@code k8s/}: args are the chart directory and the k8s directory. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: K8sManifests <chart-dir> <k8s-dir>");
            System.exit(2);
        }
        Path chart = Path.of(args[0]).toAbsolutePath().normalize();
        Path out = Path.of(args[1]).toAbsolutePath().normalize();
        Map<String, String> files = render(chart);
        Files.createDirectories(out);
        for (Path stale : generatedFilesIn(out)) {
            if (!files.containsKey(stale.getFileName().toString())) {
                Files.delete(stale);
                System.out.println("removed " + stale);
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(out.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + files.size() + " files to " + out);
    }

    /** File name to content, as {@link #main} writes them. */
    public static Map<String, String> render(Path chart) {
        Path renderable = renderableCopy(chart);
        String rendered;
        try {
            rendered = new Helm(renderable).template()
                    .withName(RELEASE)
                    .withNamespace(NAMESPACE)
                    .withValuesFile(renderable.resolve(VALUES_FILE))
                    .call();
        } finally {
            deleteCopy(renderable);
        }
        Map<String, List<String>> byTemplate = new TreeMap<>();
        for (String document : rendered.split("(?m)^---\\s*$")) {
            String trimmed = document.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            Matcher source = SOURCE.matcher(trimmed);
            if (!source.find()) {
                throw new IllegalStateException("rendered document without a '# Source:' line:\n" + trimmed);
            }
            String body = trimmed.substring(source.end()).strip();
            byTemplate.computeIfAbsent(source.group(1).replace('/', '-') + ".yaml", k -> new ArrayList<>()).add(body);
        }
        Map<String, String> files = new TreeMap<>();
        byTemplate.forEach((file, documents) -> files.put(file, banner(file) + String.join("\n---\n", documents) + "\n"));
        return files;
    }

    /**
     * A temporary copy of the chart without its {@code kubeVersion}: helm-java renders as
     * Kubernetes 1.20 and takes no {@code --kube-version}, so the chart's real constraint would stop
     * every render here; a cluster still enforces it on install. Delete with {@link #deleteCopy}.
     */
    public static Path renderableCopy(Path chart) {
        try {
            Path target = Files.createTempDirectory("marquee-chart-").resolve(chart.getFileName());
            try (Stream<Path> paths = Files.walk(chart)) {
                for (Path source : paths.toList()) {
                    Path copy = target.resolve(chart.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(source, copy);
                    }
                }
            }
            Path chartYaml = target.resolve("Chart.yaml");
            Files.writeString(chartYaml, Files.readString(chartYaml).replaceAll("(?m)^kubeVersion:.*\\R", ""));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a copy made by {@link #renderableCopy}, with its temporary parent. */
    public static void deleteCopy(Path copy) {
        try (Stream<Path> paths = Files.walk(copy.getParent())) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files in {@code dir} that this generator wrote (they open with the banner). */
    public static List<Path> generatedFilesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".yaml")).filter(K8sManifests::isGenerated).sorted().toList();
        }
    }

    private static boolean isGenerated(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(BANNER_FIRST_LINE::equals).orElse(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String banner(String file) {
        return BANNER_FIRST_LINE + "\n"
                + "# Rendered from helm/marquee (templates/" + file + ") with " + VALUES_FILE + " as release '"
                + RELEASE + "' by helm/render-k8s.sh.\n"
                + "# Change the chart, then run helm/render-k8s.sh; a test fails when this file and the chart differ.\n"
                + "# Apply: k8s/README.md (the credentials Secret first, then kubectl apply -n " + NAMESPACE + " -f k8s/).\n"
                + "---\n";
    }
}
