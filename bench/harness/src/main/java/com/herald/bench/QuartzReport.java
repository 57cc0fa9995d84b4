package com.herald.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Waits for the Quartz nodes' fires and prints lag after the nominal fire time (p50/p95/p99/max), fires per node,
 * duplicates, missing and fires/s. Usage: {@code QuartzReport <n> <fire epoch second> <timeout s> <stall s>
 * <results file> <fires file>...}
 */
public final class QuartzReport {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        long dueMs = Long.parseLong(args[1]) * 1000;
        long timeout = Long.parseLong(args[2]);
        long stall = Long.parseLong(args[3]);
        Path results = Path.of(args[4]);
        List<Path> files = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        long lastProgress = System.currentTimeMillis();
        long last = -1;
        while (true) {
            long lines = 0;
            for (Path f : files) {
                if (Files.exists(f)) {
                    try (var s = Files.lines(f)) {
                        lines += s.count();
                    }
                }
            }
            long now = System.currentTimeMillis();
            if (lines != last) {
                last = lines;
                lastProgress = now;
            }
            lastProgress = Math.max(lastProgress, dueMs);
            if (lines >= n) {
                break;
            }
            if (now > dueMs && (now - lastProgress > stall * 1000 || now > dueMs + timeout * 1000)) {
                System.out.printf("  stopped waiting: %d of %d fires%n", lines, n);
                break;
            }
            Thread.sleep(500);
        }
        Thread.sleep(1500);
        Map<String, Integer> byTrigger = new HashMap<>();
        Map<String, Integer> byNode = new HashMap<>();
        List<Long> lag = new ArrayList<>();
        long lastFire = 0, firstFire = Long.MAX_VALUE;
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                String[] p = line.split("\t");
                if (p.length < 4) {
                    continue;
                }
                long nominal = Long.parseLong(p[0]), actual = Long.parseLong(p[1]);
                lag.add(actual - nominal);
                lastFire = Math.max(lastFire, actual);
                firstFire = Math.min(firstFire, actual);
                byNode.merge(p[2], 1, Integer::sum);
                byTrigger.merge(p[3], 1, Integer::sum);
            }
        }
        long dups = byTrigger.values().stream().filter(v -> v > 1).count();
        long missing = 0;
        for (int i = 0; i < n; i++) {
            if (!byTrigger.containsKey("trigger-" + i)) {
                missing++;
            }
        }
        long[] v = Stats.sorted(lag.stream().mapToLong(Long::longValue).toArray());
        double spanS = (lastFire - dueMs) / 1000.0;
        System.out.println(Stats.header());
        System.out.println(Stats.row("job executed (dispatch)", v, n));
        System.out.printf(Locale.ROOT, "  fires per node %s; first fire %.2f s, last fire %.2f s after the due second; %.0f fires/s; duplicates %d; missing %d%n",
                byNode, (firstFire - dueMs) / 1000.0, spanS, lag.size() / Math.max(0.001, spanS), dups, missing);
        Map<String, Object> kv = Stats.map();
        kv.put("n", n);
        kv.put("started_p50_s", Stats.s(Stats.pct(v, 50)));
        kv.put("started_p95_s", Stats.s(Stats.pct(v, 95)));
        kv.put("started_p99_s", Stats.s(Stats.pct(v, 99)));
        kv.put("started_max_s", Stats.s(Stats.pct(v, 100)));
        kv.put("dispatched_per_s", String.format(Locale.ROOT, "%.0f", lag.size() / Math.max(0.001, spanS)));
        kv.put("dup_runs", dups);
        kv.put("missing", missing);
        kv.put("nodes", byNode.toString().replace(' ', '_'));
        Stats.write(results, kv);
    }
}
