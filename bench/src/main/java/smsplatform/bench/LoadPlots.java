package smsplatform.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws bench/run-load's curves from its CSV, one PNG per endpoint ({@code load-<endpoint>.png}): throughput and
 * latency against concurrency. java.awt headless: no plotting package on the machines that run the bench.
 * Usage: LoadPlots CSV OUTPUT_DIR.
 */
final class LoadPlots {

    static final int WIDTH = 1000;
    static final int HEIGHT = 420;
    private static final int PANEL = WIDTH / 2;
    private static final int MARGIN = 60;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e)};

    /** A curve: a name and one value per concurrency level (NaN where the CSV has none). */
    record Series(String name, double[] values) {}

    private LoadPlots() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args[1]);
        for (Map.Entry<String, List<Map<String, String>>> endpoint : byEndpoint(read(Path.of(args[0]))).entrySet()) {
            Path png = out.resolve("load-" + endpoint.getKey() + ".png");
            ImageIO.write(plot(endpoint.getKey(), endpoint.getValue()), "png", png.toFile());
            System.out.println("wrote " + png);
        }
    }

    /** The CSV's rows as column -> value, in file order (no quoting: the bench writes none). */
    static List<Map<String, String>> read(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv).stream().filter(l -> !l.isBlank()).toList();
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(csv + ": " + cells.length + " cells, header has " + header.length + ": " + line);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    static Map<String, List<Map<String, String>>> byEndpoint(List<Map<String, String>> rows) {
        Map<String, List<Map<String, String>>> grouped = new LinkedHashMap<>();
        rows.forEach(r -> grouped.computeIfAbsent(r.get("endpoint"), k -> new ArrayList<>()).add(r));
        return grouped;
    }

    static Series series(List<Map<String, String>> rows, String column, String name) {
        return new Series(name, rows.stream().mapToDouble(r -> {
            String v = r.getOrDefault(column, "");
            return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
        }).toArray());
    }

    /** Throughput (left) and latency on a log scale (right) against the concurrency levels of {@code rows}. */
    static BufferedImage plot(String endpoint, List<Map<String, String>> rows) {
        List<String> levels = rows.stream().map(r -> r.get("concurrency")).toList();
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        panel(g, 0, endpoint + ": throughput (2xx per second)", levels, false,
                List.of(series(rows, "throughput_rps", "requests/s")));
        List<Series> latency = new ArrayList<>(List.of(series(rows, "p50_ms", "p50"), series(rows, "p99_ms", "p99"),
                series(rows, "max_ms", "max")));
        if (rows.stream().anyMatch(r -> !r.getOrDefault("e2e_p50_ms", "").isEmpty())) {
            latency.add(series(rows, "e2e_p50_ms", "answer->DELIVERED p50"));
            latency.add(series(rows, "e2e_p99_ms", "answer->DELIVERED p99"));
        }
        panel(g, PANEL, endpoint + ": latency (ms, log scale)", levels, true, latency);
        g.dispose();
        return image;
    }

    private static void panel(Graphics2D g, int x0, String title, List<String> levels, boolean log, List<Series> series) {
        int left = x0 + MARGIN;
        int right = x0 + PANEL - 20;
        int top = 40;
        int bottom = HEIGHT - MARGIN - 10 * series.size();
        double max = series.stream().flatMapToDouble(s -> Arrays.stream(s.values()))
                .filter(v -> !Double.isNaN(v)).max().orElse(1);
        double min = log ? 1 : 0;
        double hi = log ? Math.pow(10, Math.ceil(Math.log10(Math.max(max, 10)))) : niceCeiling(max);
        g.setColor(Color.BLACK);
        g.drawString(title, left, 20);
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        for (double tick : ticks(min, hi, log)) {
            int y = y(tick, min, hi, log, top, bottom);
            g.setColor(new Color(0xdddddd));
            g.drawLine(left + 1, y, right, y);
            g.setColor(Color.BLACK);
            g.drawString(label(tick), x0 + 5, y + 4);
        }
        for (int i = 0; i < levels.size(); i++) {
            g.drawString(levels.get(i), xAt(i, levels.size(), left, right) - 6, bottom + 16);
        }
        g.drawString("concurrency", (left + right) / 2 - 30, bottom + 32);
        g.setStroke(new BasicStroke(2));
        for (int s = 0; s < series.size(); s++) {
            g.setColor(COLORS[s % COLORS.length]);
            double[] values = series.get(s).values();
            int px = -1;
            int py = -1;
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i])) {
                    px = -1;
                    continue;
                }
                int x = xAt(i, values.length, left, right);
                int y = y(Math.max(values[i], min), min, hi, log, top, bottom);
                g.fillOval(x - 3, y - 3, 7, 7);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
            g.drawString(series.get(s).name(), left + 10, bottom + 48 + 14 * s);
        }
        g.setStroke(new BasicStroke(1));
    }

    private static int xAt(int i, int n, int left, int right) {
        return n == 1 ? (left + right) / 2 : left + 20 + (right - left - 40) * i / (n - 1);
    }

    private static int y(double v, double min, double hi, boolean log, int top, int bottom) {
        double share = log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(hi) - Math.log10(min)) : (v - min) / (hi - min);
        return (int) Math.round(bottom - share * (bottom - top));
    }

    static double niceCeiling(double v) {
        double step = Math.pow(10, Math.floor(Math.log10(Math.max(v, 1))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * step >= v) {
                return m * step;
            }
        }
        return 10 * step;
    }

    static List<Double> ticks(double min, double hi, boolean log) {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double t = min; t <= hi; t *= 10) {
                ticks.add(t);
            }
        } else {
            for (int i = 0; i <= 5; i++) {
                ticks.add(min + (hi - min) * i / 5);
            }
        }
        return ticks;
    }

    private static String label(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.1f", v);
    }
}
