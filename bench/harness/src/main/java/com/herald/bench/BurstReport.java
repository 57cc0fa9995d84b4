package com.herald.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Waits for a Herald burst to complete and prints where the time went: for each run, the lag after its nominal
 * fire time of run created (the fire handled), run started, run finished, delivery sent (Herald's sent_at) and
 * email received by the sink; duplicates and missing emails.
 *
 * <p>Usage: {@code BurstReport <jdbc url> <team id> <sink messages file> <prefix> <n> <burst|spread> <fire epoch
 * second> <timeout s> <stall s> <results file>}. Waits until every address {@code <prefix>-<i>@bench.local} got
 * an email and every run finished, or until nothing progressed for stall seconds, or the timeout (after the last due
 * second). Exit 0; the figures also go to the results file (key=value).
 */
public final class BurstReport {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String team = args[1];
        Path sinkFile = Path.of(args[2]);
        String prefix = args[3];
        int n = Integer.parseInt(args[4]);
        boolean spread = args[5].equals("spread");
        long fireSecond = Long.parseLong(args[6]);
        long timeout = Long.parseLong(args[7]);
        long stall = Long.parseLong(args[8]);
        Path results = Path.of(args[9]);
        long firstDueMs = fireSecond * 1000;
        long lastDueMs = (spread ? fireSecond + Math.min(59, n - 1) : fireSecond) * 1000;

        Result r = waitFor(url, team, sinkFile, prefix, n, spread, firstDueMs, lastDueMs, timeout, stall);
        r.print(results);
    }

    static Result waitFor(String url, String team, Path sinkFile, String prefix, int n, boolean spread, long firstDueMs,
            long lastDueMs, long timeout, long stall) throws Exception {
        long deadline = lastDueMs + timeout * 1000;
        long lastProgress = System.currentTimeMillis();
        int lastCount = -1;
        Sink sink;
        long finished;
        while (true) {
            sink = Sink.read(sinkFile, prefix);
            try (Connection c = DriverManager.getConnection(url)) {
                finished = single(c, "SELECT COUNT(*) FROM runs WHERE team_id = ? AND finished_at IS NOT NULL AND status NOT IN ('QUEUED','RUNNING')", team);
            }
            int count = sink.distinct() + (int) finished;
            long now = System.currentTimeMillis();
            if (count != lastCount) {
                lastCount = count;
                lastProgress = now;
            }
            lastProgress = Math.max(lastProgress, firstDueMs); // no progress is expected before the fire
            if (sink.distinct() >= n && finished >= n) {
                break;
            }
            if (now > lastDueMs && (now - lastProgress > stall * 1000 || now > deadline)) {
                System.out.printf("  stopped waiting: %d of %d addresses received, %d runs finished (%s)%n", sink.distinct(), n, finished,
                        now > deadline ? "timeout" : "no progress for " + stall + " s");
                break;
            }
            Thread.sleep(1000);
        }
        Thread.sleep(1500); // late duplicates
        sink = Sink.read(sinkFile, prefix);
        return new Result(url, team, sink, prefix, n, spread, firstDueMs, lastDueMs);
    }

    static long single(Connection c, String sql, String param) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long ms(ResultSet rs, String col) throws Exception {
        LocalDateTime t = rs.getObject(col, LocalDateTime.class);
        return t == null ? -1 : t.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** The sink's messages for one prefix: per address, receive times and Message-IDs. */
    record Sink(Map<String, List<Long>> byAddress, Map<String, Integer> byMessageId, long lines) {
        int distinct() {
            return byAddress.size();
        }

        static Sink read(Path file, String prefix) throws Exception {
            Map<String, List<Long>> byAddress = new HashMap<>();
            Map<String, Integer> byId = new HashMap<>();
            long lines = 0;
            if (Files.exists(file)) {
                String needle = prefix.toLowerCase(Locale.ROOT) + "-";
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.split("\t");
                    if (f.length < 6) {
                        continue; // a line being written
                    }
                    for (String rcpt : f[4].split(",")) {
                        if (rcpt.startsWith(needle)) {
                            lines++;
                            byAddress.computeIfAbsent(rcpt, k -> new ArrayList<>()).add(Long.parseLong(f[0]));
                            byId.merge(f[2], 1, Integer::sum);
                        }
                    }
                }
            }
            return new Sink(byAddress, byId, lines);
        }
    }

    static final class Result {
        final List<String> out = new ArrayList<>();
        final Map<String, Object> kv = Stats.map();
        final int missing;
        final long dupAddresses;
        final long dupMessageIds;
        final long dupRuns;
        final double lastDeliveryS;
        final double p99StartedS;
        final double p99CreatedS;

        Result(String url, String team, Sink sink, String prefix, int n, boolean spread, long firstDueMs, long lastDueMs) throws Exception {
            List<Long> created = new ArrayList<>(), started = new ArrayList<>(), finished = new ArrayList<>(), sent = new ArrayList<>();
            Map<String, Long> statuses = new HashMap<>();
            long runs;
            long dr;
            long firstCreated = Long.MAX_VALUE, lastCreated = 0, lastStarted = 0, lastSent = 0;
            try (Connection c = DriverManager.getConnection(url)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT nominal_time, created_at, started_at, finished_at, status FROM runs WHERE team_id = ?")) {
                    ps.setString(1, team);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long nominal = ms(rs, "nominal_time");
                            long cr = ms(rs, "created_at"), st = ms(rs, "started_at"), fi = ms(rs, "finished_at");
                            created.add(cr - nominal);
                            firstCreated = Math.min(firstCreated, cr);
                            lastCreated = Math.max(lastCreated, cr);
                            if (st > 0) {
                                started.add(st - nominal);
                                lastStarted = Math.max(lastStarted, st);
                            }
                            if (fi > 0) {
                                finished.add(fi - nominal);
                            }
                            statuses.merge(rs.getString("status"), 1L, Long::sum);
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT r.nominal_time, d.sent_at FROM deliveries d JOIN runs r ON r.id = d.run_id
                        WHERE r.team_id = ? AND d.sent_at IS NOT NULL""")) {
                    ps.setString(1, team);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long s = ms(rs, "sent_at");
                            sent.add(s - ms(rs, "nominal_time"));
                            lastSent = Math.max(lastSent, s);
                        }
                    }
                }
                runs = created.size();
                dr = single(c, """
                        SELECT COUNT(*) FROM (SELECT schedule_id, nominal_time FROM runs WHERE team_id = ?
                        GROUP BY schedule_id, nominal_time HAVING COUNT(*) > 1) d""", team);
            }
            List<Long> received = new ArrayList<>();
            long lastReceived = 0;
            int miss = 0;
            long dupA = 0;
            for (int i = 0; i < n; i++) {
                String address = (prefix + "-" + i + "@bench.local").toLowerCase(Locale.ROOT);
                long nominal = spread ? firstDueMs + (i % 60) * 1000L : firstDueMs;
                List<Long> times = sink.byAddress().get(address);
                if (times == null) {
                    miss++;
                    continue;
                }
                if (times.size() > 1) {
                    dupA++;
                }
                long first = times.stream().mapToLong(Long::longValue).min().orElseThrow();
                received.add(first - nominal);
                lastReceived = Math.max(lastReceived, times.stream().mapToLong(Long::longValue).max().orElseThrow());
            }
            missing = miss;
            dupAddresses = dupA;
            dupMessageIds = sink.byMessageId().values().stream().filter(v -> v > 1).count();
            dupRuns = dr;
            long[] cr = arr(created), st = arr(started), fi = arr(finished), se = arr(sent), re = arr(received);
            p99StartedS = Stats.pct(Stats.sorted(st), 99) / 1000.0;
            p99CreatedS = Stats.pct(Stats.sorted(cr), 99) / 1000.0;
            lastDeliveryS = lastReceived == 0 ? Double.NaN : (lastReceived - lastDueMs) / 1000.0;
            out.add(Stats.header());
            out.add(Stats.row("run created (fire handled)", cr, n));
            out.add(Stats.row("run started (dispatch)", st, n));
            out.add(Stats.row("run finished", fi, n));
            out.add(Stats.row("delivery sent (deliveries.sent_at)", se, n));
            out.add(Stats.row("email received by the sink", re, n));
            out.add(String.format(Locale.ROOT, "  runs: %d %s; runs created from %.2f s to %.2f s after the first due second",
                    runs, statuses, (firstCreated - firstDueMs) / 1000.0, (lastCreated - firstDueMs) / 1000.0));
            out.add(String.format(Locale.ROOT, "  last run started %.2f s, last delivery sent %.2f s, last email received %.2f s after the %s due second",
                    (lastStarted - lastDueMs) / 1000.0, (lastSent - lastDueMs) / 1000.0, lastDeliveryS, spread ? "last" : ""));
            out.add(String.format(Locale.ROOT, "  sink: %d emails for %d of %d addresses; duplicates: %d addresses twice, %d Message-IDs twice; %d duplicate runs per (schedule, nominal) in the DB; missing: %d",
                    sink.lines(), sink.distinct(), n, dupAddresses, dupMessageIds, dupRuns, missing));
            kv.put("n", n);
            kv.put("created_p50_s", Stats.s(Stats.pct(Stats.sorted(cr), 50)));
            kv.put("created_p99_s", Stats.s(Stats.pct(Stats.sorted(cr), 99)));
            kv.put("started_p50_s", Stats.s(Stats.pct(Stats.sorted(st), 50)));
            kv.put("started_p95_s", Stats.s(Stats.pct(Stats.sorted(st), 95)));
            kv.put("started_p99_s", Stats.s(Stats.pct(Stats.sorted(st), 99)));
            kv.put("started_max_s", Stats.s(Stats.pct(Stats.sorted(st), 100)));
            kv.put("received_p99_s", Stats.s(Stats.pct(Stats.sorted(re), 99)));
            kv.put("last_delivery_s", String.format(Locale.ROOT, "%.2f", lastDeliveryS));
            kv.put("dispatched_per_s", String.format(Locale.ROOT, "%.0f", started.size() / Math.max(0.001, (lastStarted - firstDueMs) / 1000.0)));
            kv.put("dup_addresses", dupAddresses);
            kv.put("dup_message_ids", dupMessageIds);
            kv.put("dup_runs", dupRuns);
            kv.put("missing", missing);
            kv.put("runs", runs);
            kv.put("runs_not_succeeded", runs - statuses.getOrDefault("SUCCEEDED", 0L));
            kv.put("emails", sink.lines());
            kv.put("last_received_ms", lastReceived);
        }

        static long[] arr(List<Long> l) {
            return l.stream().mapToLong(Long::longValue).toArray();
        }

        boolean met() {
            return p99CreatedS <= 5 && lastDeliveryS <= 30 && dupAddresses == 0 && dupMessageIds == 0 && dupRuns == 0 && missing == 0;
        }

        void print(Path results) throws Exception {
            out.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "  target (product.md §8): dispatch (fire handled, run queued) p99 ≤ 5 s [%.2f s; run started p99 %.2f s], all delivered ≤ 30 s [%.2f s], 0 dup, 0 missing → %s%n",
                    p99CreatedS,
                    p99StartedS, lastDeliveryS, met() ? "MET" : "MISSED");
            kv.put("met", met());
            Stats.write(results, kv);
        }
    }
}
