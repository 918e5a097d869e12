package io.marquee.helm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The chart under test: lint, render and parse it the way the tests need. */
final class Chart {

    static final Path DIR = Path.of(System.getProperty("marquee.chart.dir", "marquee")).toAbsolutePath().normalize();
    static final Path K8S_DIR = Path.of(System.getProperty("marquee.k8s.dir", "../k8s")).toAbsolutePath().normalize();
    static final Path REPO_ROOT = DIR.getParent().getParent();

    /** The value sets the chart ships: defaults alone, and defaults overlaid with each environment file. */
    enum Values {
        DEFAULT(null), KIND("values-kind.yaml"), EKS("values-eks.yaml");

        final String file;

        Values(String file) {
            this.file = file;
        }
    }

    private static final KubernetesSerialization SERIALIZATION = strictSerialization();

    private Chart() {
    }

    /** The chart as helm-java can render it (without kubeVersion: see {@link K8sManifests#renderableCopy}). */
    private static final Path RENDERABLE = K8sManifests.renderableCopy(DIR);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> K8sManifests.deleteCopy(RENDERABLE)));
    }

    static TemplateCommand template(Values values) {
        TemplateCommand command = new Helm(RENDERABLE).template()
                .withName(K8sManifests.RELEASE)
                .withNamespace(K8sManifests.NAMESPACE);
        return values.file == null ? command : command.withValuesFile(RENDERABLE.resolve(values.file));
    }

    /** The shipped value sets render the same every time: render and parse each once per test run. */
    private static final Map<Values, String> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<Values, List<HasMetadata>> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    static String render(Values values) {
        return RENDERED.computeIfAbsent(values, v -> template(v).call());
    }

    /** Shared between tests: read, never modify. */
    static List<HasMetadata> renderObjects(Values values) {
        return PARSED.computeIfAbsent(values, v -> List.copyOf(parse(render(v))));
    }

    /** What the hook annotations ({@code helm.sh/hook}, {@code helm.sh/hook-weight}, ...) are called in {@link #renderWithHooks}. */
    static final String HOOK_ANNOTATION = "hooks.test/hook";

    /**
     * helm-java's template leaves Helm hooks out (as {@code helm template --no-hooks} would); this
     * renders a copy of the chart whose hook annotations are renamed to {@link #HOOK_ANNOTATION}, so
     * the hooks (the Kafka topic Job, the {@code helm test} pod) come out as ordinary documents with
     * their hook settings still visible. {@code sets} are {@code --set} pairs, applied in order.
     */
    static String renderWithHooks(Values values, Map<String, String> sets) {
        Path copy = copyChart();
        try {
            try (var files = Files.walk(copy.resolve("templates"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.writeString(file, Files.readString(file).replace("helm.sh/hook", HOOK_ANNOTATION));
                }
            }
            TemplateCommand command = new Helm(copy).template()
                    .withName(K8sManifests.RELEASE)
                    .withNamespace(K8sManifests.NAMESPACE);
            if (values.file != null) {
                command = command.withValuesFile(copy.resolve(values.file));
            }
            for (Map.Entry<String, String> set : sets.entrySet()) {
                command = command.set(set.getKey(), set.getValue());
            }
            return command.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteRecursively(copy);
        }
    }

    /**
     * helm lint --strict with the given value set. helm-java's lint takes no values file, so an
     * overlay is linted as a copy of the chart whose values.yaml is the merged values.
     */
    static LintResult lint(Values values) {
        if (values.file == null) {
            return new Helm(RENDERABLE).lint().strict().call();
        }
        Path copy = copyChart();
        try {
            YAMLMapper yaml = new YAMLMapper();
            ObjectNode merged = (ObjectNode) yaml.readTree(DIR.resolve("values.yaml").toFile());
            ObjectNode overlay = (ObjectNode) yaml.readTree(DIR.resolve(values.file).toFile());
            merge(merged, overlay);
            yaml.writeValue(copy.resolve("values.yaml").toFile(), merged);
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteRecursively(copy);
        }
    }

    /**
     * Every rendered document as its typed Kubernetes model object. Unknown fields are refused:
     * Jackson fails on them where a class has no catch-all, and the catch-all maps that fabric8
     * model classes keep ("additionalProperties") must stay empty everywhere in the tree.
     */
    static List<HasMetadata> parse(String rendered) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : rendered.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            Object parsed = SERIALIZATION.unmarshal(document);
            if (!(parsed instanceof HasMetadata object) || parsed instanceof GenericKubernetesResource) {
                throw new AssertionError("no typed model for document:\n" + document);
            }
            List<String> unknown = new ArrayList<>();
            collectUnknownFields(object, object.getKind() + "/" + object.getMetadata().getName(), unknown);
            if (!unknown.isEmpty()) {
                throw new AssertionError("unknown fields " + unknown + " in:\n" + document);
            }
            objects.add(object);
        }
        return objects;
    }

    private static KubernetesSerialization strictSerialization() {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        return new KubernetesSerialization(mapper, true);
    }

    private static void collectUnknownFields(Object node, String path, List<String> unknown) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collectUnknownFields(value, path + "." + key, unknown));
            return;
        }
        if (!(node instanceof KubernetesResource) && !node.getClass().getPackageName().startsWith("io.fabric8")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
                continue;
            }
            if (value instanceof Collection<?> || value instanceof Map<?, ?>
                    || (value != null && value.getClass().getPackageName().startsWith("io.fabric8"))) {
                collectUnknownFields(value, path + "." + getter.getName().substring(3), unknown);
            }
        }
    }

    /** Helm's rule: maps merge key by key, anything else (lists too) is replaced. */
    private static void merge(ObjectNode base, ObjectNode overlay) {
        overlay.properties().forEach(entry -> {
            if (entry.getValue() instanceof ObjectNode child && base.get(entry.getKey()) instanceof ObjectNode existing) {
                merge(existing, child);
            } else {
                base.set(entry.getKey(), entry.getValue());
            }
        });
    }

    private static Path copyChart() {
        try {
            Path target = Files.createTempDirectory("marquee-chart-").resolve("marquee");
            Files.walkFileTree(RENDERABLE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(target.resolve(RENDERABLE.relativize(dir)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, target.resolve(RENDERABLE.relativize(file)));
                    return FileVisitResult.CONTINUE;
                }
            });
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir.getParent())) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
