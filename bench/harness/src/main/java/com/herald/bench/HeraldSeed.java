package com.herald.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates N active schedules through the REST API, with parallel clients spread over the Herald instances. Each
 * schedule fires once (a cron with the full date, and end_at one second later), a small CSV to one recipient
 * {@code <prefix>-<i>@bench.local}.
 *
 * <p>Usage: {@code HeraldSeed <base urls, comma-separated> <api key> <team id> <report type> <n> <burst|spread>
 * <fire epoch second> <prefix> [threads]}. burst: every schedule at the fire second; spread: schedule i at the fire
 * minute's second i % 60 (the fire second should then be a whole minute). Prints "created N in S s (R/s)"; exits 1
 * on any failure. Env SEED_MAX_RETRIES (10) and SEED_RETRY_BACKOFF_SECONDS (10) set the schedules' retries.
 */
public final class HeraldSeed {

    public static void main(String[] args) throws Exception {
        String[] bases = args[0].split(",");
        String key = args[1];
        String team = args[2];
        String reportType = args[3];
        int n = Integer.parseInt(args[4]);
        boolean spread = args[5].equals("spread");
        long fireSecond = Long.parseLong(args[6]);
        String prefix = args[7];
        int threads = args.length > 8 ? Integer.parseInt(args[8]) : 16;
        String maxRetries = System.getenv().getOrDefault("SEED_MAX_RETRIES", "10");
        String backoff = System.getenv().getOrDefault("SEED_RETRY_BACKOFF_SECONDS", "10");

        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String base = bases[t % bases.length];
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    Instant at = Instant.ofEpochSecond(spread ? fireSecond + (i % 60) : fireSecond);
                    ZonedDateTime z = at.atZone(ZoneOffset.UTC);
                    String cron = "%d %d %d %d %d ? %d"
                            .formatted(z.getSecond(), z.getMinute(), z.getHour(), z.getDayOfMonth(), z.getMonthValue(), z.getYear());
                    String body = """
                            {"name":"%s-%d","team_id":"%s","report_type":"%s",
                             "cadence":{"frequency":"cron","expression":"%s"},"time_zone":"UTC",
                             "end_at":"%s","recipients":{"emails":["%s-%d@bench.local"]},"formats":["csv"],
                             "max_retries":%s,"retry_backoff_seconds":%s}"""
                            .formatted(prefix, i, team, reportType, cron, at.plusSeconds(1), prefix, i, maxRetries, backoff);
                    HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/schedules"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", prefix + "-" + i)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    boolean ok = false;
                    for (int attempt = 0; attempt < 5 && !ok; attempt++) {
                        try {
                            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                            ok = r.statusCode() == 201 || r.statusCode() == 200;
                            if (!ok) {
                                System.err.println("schedule " + i + ": HTTP " + r.statusCode() + " " + r.body());
                                Thread.sleep(500);
                            }
                        } catch (Exception e) {
                            System.err.println("schedule " + i + ": " + e);
                            Thread.sleep(500);
                        }
                    }
                    if (!ok) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("created %d schedules in %.1f s (%.0f/s, %d clients), %d failed%n", n - failed.get(), s, (n - failed.get()) / s, threads, failed.get());
        System.exit(failed.get() == 0 ? 0 : 1);
    }
}
