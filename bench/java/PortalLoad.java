import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop HTTP load generator for bench/portal (JDK only, run with {@code java PortalLoad.java}):
 * signs in once through the login form (CSRF token from the page, the session cookie kept), then
 * {@code clients} threads GET the same path back to back, each on its own connection, with the one
 * session. Warm-up first (not counted), then the measured window. Prints the latency percentiles and
 * requests/s, and RESULT lines.
 *
 * <p>Usage: java PortalLoad.java baseUrl email password path clients warmupSeconds seconds name target
 * [htmx|page] [thinkMillis]
 *
 * <p>Without {@code thinkMillis} each client sends its next request as soon as the previous one is answered (a closed
 * loop: the latency is then clients ÷ throughput, Little's law). With it, a client waits that long after each answer,
 * as a person reading the list would.
 */
public class PortalLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String email = args[1];
        String password = args[2];
        String path = args[3];
        int clients = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        String name = args[7];
        double target = Double.parseDouble(args[8]);
        boolean htmx = args.length > 9 && args[9].equals("htmx");
        long think = args.length > 10 ? Long.parseLong(args[10]) : 0;

        String cookie = login(base, email, password);

        List<HttpClient> connections = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            // one client each: its own keep-alive connection, as 50 browsers would have
            connections.add(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Cookie", cookie)
                .GET();
        if (htmx) {
            builder.header("HX-Request", "true").header("HX-Target", "results");
        }
        HttpRequest request = builder.build();

        // check once that the session works and the page is the list
        HttpResponse<String> probe = connections.get(0).send(request, HttpResponse.BodyHandlers.ofString());
        if (probe.statusCode() != 200 || probe.body().contains("name=\"password\"")) {
            throw new IllegalStateException("GET " + path + " answered " + probe.statusCode() + " (not signed in?)");
        }
        System.out.printf("GET %s%s: %d bytes%n", path, htmx ? " (HX-Request)" : "", probe.body().length());

        long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        long[][] samples = new long[clients][];
        int[] counts = new int[clients];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread.ofPlatform().daemon().start(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                HttpClient http = connections.get(client);
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        boolean ok;
                        try {
                            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            ok = r.statusCode() == 200;
                        } catch (Exception e) {
                            ok = false;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= warmupEnd) {
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = t1 - t0;
                        }
                        if (think > 0) {
                            try {
                                Thread.sleep(think);
                            } catch (InterruptedException e) {
                                break;
                            }
                        }
                    }
                } finally {
                    synchronized (samples) {
                        samples[client] = mine;
                        counts[client] = n;
                    }
                    done.countDown();
                }
            });
        }
        // a server that stops answering must not keep the benchmark waiting: clients still waiting a minute after
        // the window count as errors (their threads are daemons)
        if (!done.await(warmup + seconds + 60L, java.util.concurrent.TimeUnit.SECONDS)) {
            System.out.printf("%d clients still waiting for an answer a minute after the window%n", done.getCount());
            errors.addAndGet(done.getCount());
        }
        int total = 0;
        long[] all = new long[0];
        synchronized (samples) {
            for (int c = 0; c < clients; c++) {
                if (samples[c] != null) {
                    all = Arrays.copyOf(all, total + counts[c]);
                    System.arraycopy(samples[c], 0, all, total, counts[c]);
                    total += counts[c];
                }
            }
        }
        Arrays.sort(all);
        double p50 = ms(pct(all, 0.50));
        double p95 = ms(pct(all, 0.95));
        double p99 = ms(pct(all, 0.99));
        double max = ms(all.length == 0 ? 0 : all[all.length - 1]);
        double rps = total / (double) seconds;
        System.out.printf(
                "%s: %d clients" + (think > 0 ? " (" + think + " ms think time)" : "") + ", %d s: %d requests, %.0f req/s, %d errors; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                name, clients, seconds, total, rps, errors.get(), p50, p95, p99, max);
        System.out.printf(
                "RESULT name=%s.p99 value=%.1f unit=ms target=<=%s met=%s%n",
                name, p99, fmt(target), p99 <= target && errors.get() == 0 ? "yes" : "no");
        System.out.printf("RESULT name=%s.p50 value=%.1f unit=ms target=- met=-%n", name, p50);
        System.out.printf("RESULT name=%s.rps value=%.0f unit=req/s target=- met=-%n", name, rps);
        System.out.printf("RESULT name=%s.errors value=%d unit=count target=<=0 met=%s%n", name, errors.get(),
                errors.get() == 0 ? "yes" : "no");
    }

    private static String login(String base, String email, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        if (!m.find()) {
            m = Pattern.compile("value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(page.body());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on /login");
            }
        }
        String form = "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + location);
        }
        String session = ((CookieManager) http.cookieHandler().orElseThrow())
                .getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("HERALD_SESSION"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no HERALD_SESSION cookie after sign-in"))
                        .getValue();
        return "HERALD_SESSION=" + session;
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
