package smsplatform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import smsplatform.json.Json;

/**
 * What CloudWatch would extract from the functions' embedded-metric-format lines, summed up locally:
 * every JSON line with an {@code _aws} block in the functions' logs (DATA_DIR/logs/&lt;LogicalId&gt;.log),
 * by namespace and metric: unit, samples, sum, min, max. Served on {@code GET /local/metrics}.
 */
final class LocalMetrics {

    private LocalMetrics() {}

    static final class Stat {
        String unit;
        long samples;
        double sum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(double value, String unitOfValue) {
            unit = unitOfValue;
            samples++;
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }

        Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", unit);
            m.put("samples", samples);
            m.put("sum", number(sum));
            m.put("min", number(min));
            m.put("max", number(max));
            m.put("average", number(sum / samples));
            return m;
        }

        private static Object number(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        }
    }

    /** Namespace to metric name to its summary. Lines of sms-local's own invoke runs (*.invoke.log) are left out. */
    static Map<String, Map<String, Object>> summarize(Path logs) throws IOException {
        Map<String, Map<String, Stat>> stats = new TreeMap<>();
        if (Files.isDirectory(logs)) {
            try (Stream<Path> files = Files.list(logs)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")
                        && !f.getFileName().toString().endsWith(".invoke.log")).sorted().toList()) {
                    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                        lines.filter(l -> l.startsWith("{") && l.contains("\"_aws\"")).forEach(l -> add(stats, l));
                    } catch (UncheckedIOException e) {
                        throw e.getCause();
                    }
                }
            }
        }
        Map<String, Map<String, Object>> out = new TreeMap<>();
        stats.forEach((namespace, metrics) -> {
            Map<String, Object> m = new TreeMap<>();
            metrics.forEach((name, stat) -> m.put(name, stat.summary()));
            out.put(namespace, m);
        });
        return out;
    }

    private static void add(Map<String, Map<String, Stat>> stats, String line) {
        Map<String, Object> root;
        try {
            root = Json.parseObject(line);
        } catch (RuntimeException notJson) {
            return;
        }
        for (Object directive : Template.list(Template.map(root.get("_aws")).get("CloudWatchMetrics"))) {
            Map<String, Object> d = Template.map(directive);
            String namespace = String.valueOf(d.get("Namespace"));
            for (Object metric : Template.list(d.get("Metrics"))) {
                Map<String, Object> m = Template.map(metric);
                String name = String.valueOf(m.get("Name"));
                Object value = root.get(name);
                List<?> values = value instanceof List<?> l ? l : value == null ? List.of() : List.of(value);
                for (Object v : values) {
                    if (v instanceof Number n) {
                        stats.computeIfAbsent(namespace, k -> new TreeMap<>()).computeIfAbsent(name, k -> new Stat())
                                .add(n.doubleValue(), m.get("Unit") == null ? "None" : String.valueOf(m.get("Unit")));
                    }
                }
            }
        }
    }
}
