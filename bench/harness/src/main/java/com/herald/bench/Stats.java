package com.herald.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Exact percentiles of a few thousand values, and a key=value results file for the scripts. */
final class Stats {

    private Stats() {}

    /** p-th percentile (nearest rank) of the values in ms; NaN when empty. */
    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long[] sorted(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c;
    }

    static String s(double ms) {
        return Double.isNaN(ms) ? "—" : String.format(Locale.ROOT, "%.2f", ms / 1000.0);
    }

    /** "p50 p95 p99 max" in seconds. */
    static String row(String label, long[] values, int expected) {
        long[] v = sorted(values);
        return String.format(
                Locale.ROOT,
                "  %-34s %8s %8s %8s %8s %8s   (%d of %d)",
                label,
                s(pct(v, 0.0001)),
                s(pct(v, 50)),
                s(pct(v, 95)),
                s(pct(v, 99)),
                s(pct(v, 100)),
                v.length,
                expected);
    }

    static String header() {
        return String.format(Locale.ROOT, "  %-34s %8s %8s %8s %8s %8s", "lag after nominal fire time (s)", "min", "p50", "p95", "p99", "max");
    }

    static void write(Path file, Map<String, Object> values) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            b.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        Files.writeString(file, b.toString());
    }

    static Map<String, Object> map() {
        return new LinkedHashMap<>();
    }
}
