package com.herald.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast local SMTP discard sink for the benchmarks and drills (bench/burst, bench/drill, the mail benchmark).
 *
 * <p>One virtual thread per connection, blocking I/O. Speaks EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT (and
 * answers VRFY/HELP/unknown verbs); no pipelining, no STARTTLS, no AUTH (AUTH is accepted as a no-op). The body is
 * discarded; only the header block is scanned, for the Message-ID. Every accepted message is appended as one line to
 * the messages file (tab-separated):
 *
 * <pre>receive_epoch_ms  connection  message_id  mail_from  rcpt[,rcpt…]  bytes</pre>
 *
 * Control and counts over HTTP on 127.0.0.1 (the {@code --http} port):
 *
 * <ul>
 *   <li>{@code GET /stats} — JSON: messages, recipients, distinct/duplicate Message-IDs and recipients, connections,
 *       first/last receive time, whether it is down;
 *   <li>{@code GET /messages} — the messages file so far (flushed first);
 *   <li>{@code POST /down?seconds=N} — stop listening (connections are refused) and drop open connections; back up
 *       by itself after N seconds (no N: until {@code /up});
 *   <li>{@code POST /up}; {@code POST /reset} — forget all counts and truncate the messages file.
 * </ul>
 *
 * Usage: {@code java -cp harness.jar com.herald.bench.SmtpSink [--port 2525] [--http 2526] [--bind 127.0.0.1]
 * [--file sink-messages.tsv] [--delay-ms 0]} — also runs without a build: {@code java
 * bench/harness/src/main/java/com/herald/bench/SmtpSink.java --port 2525}. Prints "sink ready smtp=… http=…" when
 * it listens, and its counts on exit (SIGTERM).
 */
public final class SmtpSink {

    private final InetAddress bind;
    private final int smtpPort;
    private final int httpPort;
    private final Path file;
    private final long delayMs;

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> byMessageId = new ConcurrentHashMap<>();
    private final Map<String, Integer> byRcpt = new ConcurrentHashMap<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong recipients = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong firstMs = new AtomicLong();
    private final AtomicLong lastMs = new AtomicLong();
    private final AtomicLong downSince = new AtomicLong();
    private final AtomicLong downPeriods = new AtomicLong();
    private BufferedWriter out;
    private volatile ServerSocket server;
    private volatile boolean down;
    private final Object lifecycle = new Object();

    SmtpSink(InetAddress bind, int smtpPort, int httpPort, Path file, long delayMs) {
        this.bind = bind;
        this.smtpPort = smtpPort;
        this.httpPort = httpPort;
        this.file = file;
        this.delayMs = delayMs;
    }

    public static void main(String[] args) throws Exception {
        String bindHost = "127.0.0.1";
        int port = 2525;
        int http = -1;
        String file = "sink-messages.tsv";
        long delay = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--http" -> http = Integer.parseInt(args[++i]);
                case "--bind" -> bindHost = args[++i];
                case "--file" -> file = args[++i];
                case "--delay-ms" -> delay = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: SmtpSink [--port 2525] [--http 2526] [--bind 127.0.0.1]"
                            + " [--file sink-messages.tsv] [--delay-ms 0]");
                    System.exit(2);
                }
            }
        }
        if (http < 0) {
            http = port + 1;
        }
        SmtpSink sink = new SmtpSink(InetAddress.getByName(bindHost), port, http, Path.of(file), delay);
        sink.start();
    }

    void start() throws IOException {
        out = Files.newBufferedWriter(
                file,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        timer.scheduleAtFixedRate(this::flush, 200, 200, TimeUnit.MILLISECONDS);
        HttpServer httpServer = HttpServer.create(new InetSocketAddress(bind, httpPort), 64);
        httpServer.setExecutor(threads);
        httpServer.createContext("/stats", ex -> reply(ex, 200, "application/json", stats()));
        httpServer.createContext("/messages", ex -> {
            flush();
            ex.getResponseHeaders().set("Content-Type", "text/tab-separated-values");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream os = ex.getResponseBody()) {
                Files.copy(file, os);
            }
        });
        httpServer.createContext("/down", ex -> {
            String q = ex.getRequestURI().getQuery();
            long seconds = 0;
            if (q != null && q.startsWith("seconds=")) {
                seconds = Long.parseLong(q.substring("seconds=".length()));
            }
            goDown(seconds);
            reply(ex, 200, "application/json", stats());
        });
        httpServer.createContext("/up", ex -> {
            goUp();
            reply(ex, 200, "application/json", stats());
        });
        httpServer.createContext("/reset", ex -> {
            reset();
            reply(ex, 200, "application/json", stats());
        });
        httpServer.start();
        listen();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            flush();
            System.out.println("sink stopped: " + stats());
        }));
        System.out.println("sink ready smtp=" + smtpPort + " http=" + httpPort + " file=" + file);
        System.out.flush();
    }

    private void listen() throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(bind, smtpPort), 1024);
        server = ss;
        Thread.ofPlatform().name("sink-accept").daemon(false).start(() -> acceptLoop(ss));
    }

    private void acceptLoop(ServerSocket ss) {
        while (!ss.isClosed()) {
            try {
                Socket s = ss.accept();
                if (down) {
                    s.close();
                    continue;
                }
                connections.incrementAndGet();
                open.add(s);
                threads.execute(() -> session(s));
            } catch (IOException e) {
                if (!ss.isClosed()) {
                    System.err.println("accept: " + e);
                }
            }
        }
    }

    void goDown(long seconds) {
        synchronized (lifecycle) {
            if (!down) {
                down = true;
                downSince.set(System.currentTimeMillis());
                downPeriods.incrementAndGet();
                try {
                    server.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                for (Socket s : open) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
                System.out.println("sink down at " + downSince.get() + (seconds > 0 ? " for " + seconds + " s" : ""));
            }
        }
        if (seconds > 0) {
            timer.schedule(this::goUp, seconds, TimeUnit.SECONDS);
        }
    }

    void goUp() {
        synchronized (lifecycle) {
            if (down) {
                for (int attempt = 0; ; attempt++) {
                    try {
                        listen();
                        break;
                    } catch (IOException e) {
                        if (attempt > 50) {
                            System.err.println("cannot listen again: " + e);
                            return;
                        }
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
                down = false;
                System.out.println("sink up at " + System.currentTimeMillis());
            }
        }
    }

    synchronized void reset() {
        byMessageId.clear();
        byRcpt.clear();
        messages.set(0);
        recipients.set(0);
        bytes.set(0);
        connections.set(0);
        firstMs.set(0);
        lastMs.set(0);
        try {
            out.flush();
            out.close();
            out = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            System.err.println("flush: " + e);
        }
    }

    private synchronized void record(long now, long conn, String messageId, String from, List<String> rcpts, long size) {
        try {
            out.write(Long.toString(now));
            out.write('\t');
            out.write(Long.toString(conn));
            out.write('\t');
            out.write(messageId == null ? "-" : messageId);
            out.write('\t');
            out.write(from);
            out.write('\t');
            out.write(String.join(",", rcpts));
            out.write('\t');
            out.write(Long.toString(size));
            out.write('\n');
        } catch (IOException e) {
            System.err.println("write: " + e);
        }
    }

    String stats() {
        long dupIds = byMessageId.values().stream().filter(c -> c > 1).count();
        long dupIdExtra = byMessageId.values().stream().mapToLong(c -> c - 1).sum();
        long dupRcpts = byRcpt.values().stream().filter(c -> c > 1).count();
        return String.format(
                Locale.ROOT,
                "{\"messages\":%d,\"recipients\":%d,\"bytes\":%d,\"distinct_message_ids\":%d,"
                        + "\"duplicate_message_ids\":%d,\"extra_copies\":%d,\"distinct_rcpts\":%d,"
                        + "\"duplicate_rcpts\":%d,\"connections\":%d,\"open_connections\":%d,\"first_ms\":%d,"
                        + "\"last_ms\":%d,\"down\":%b,\"down_since_ms\":%d,\"down_periods\":%d}",
                messages.get(),
                recipients.get(),
                bytes.get(),
                byMessageId.size(),
                dupIds,
                dupIdExtra,
                byRcpt.size(),
                dupRcpts,
                connections.get(),
                open.size(),
                firstMs.get(),
                lastMs.get(),
                down,
                down ? downSince.get() : 0,
                downPeriods.get());
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    // ---- SMTP session ----

    private void session(Socket s) {
        long conn = connections.get();
        try (s) {
            s.setTcpNoDelay(true);
            LineReader in = new LineReader(s.getInputStream());
            OutputStream o = new BufferedOutputStream(s.getOutputStream(), 4096);
            send(o, "220 herald-bench-sink ESMTP ready");
            String from = null;
            List<String> rcpts = new ArrayList<>();
            while (true) {
                String cmd = in.line();
                if (cmd == null) {
                    return;
                }
                String upper = cmd.length() >= 4 ? cmd.substring(0, 4).toUpperCase(Locale.ROOT) : cmd.toUpperCase(Locale.ROOT);
                switch (upper) {
                    case "EHLO" -> {
                        from = null;
                        rcpts.clear();
                        o.write(("250-herald-bench-sink\r\n250-8BITMIME\r\n250-SIZE 0\r\n250-AUTH PLAIN LOGIN\r\n"
                                        + "250 SMTPUTF8\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        o.flush();
                    }
                    case "HELO" -> {
                        from = null;
                        rcpts.clear();
                        send(o, "250 herald-bench-sink");
                    }
                    case "MAIL" -> {
                        from = address(cmd);
                        rcpts.clear();
                        send(o, "250 2.1.0 OK");
                    }
                    case "RCPT" -> {
                        if (from == null) {
                            send(o, "503 5.5.1 MAIL first");
                        } else {
                            rcpts.add(address(cmd));
                            send(o, "250 2.1.5 OK");
                        }
                    }
                    case "DATA" -> {
                        if (rcpts.isEmpty()) {
                            send(o, "503 5.5.1 RCPT first");
                            break;
                        }
                        send(o, "354 End data with <CR><LF>.<CR><LF>");
                        long[] size = new long[1];
                        String messageId = readData(in, size);
                        if (messageId == DISCONNECTED) {
                            return;
                        }
                        if (delayMs > 0) {
                            Thread.sleep(delayMs);
                        }
                        long now = System.currentTimeMillis();
                        if (down) {
                            return; // went down mid-message: the client sees a dropped connection, nothing counted
                        }
                        count(now, conn, messageId, from, rcpts, size[0]);
                        send(o, "250 2.0.0 OK queued as " + messages.get());
                        from = null;
                        rcpts = new ArrayList<>();
                    }
                    case "RSET" -> {
                        from = null;
                        rcpts.clear();
                        send(o, "250 2.0.0 OK");
                    }
                    case "NOOP" -> send(o, "250 2.0.0 OK");
                    case "QUIT" -> {
                        send(o, "221 2.0.0 Bye");
                        return;
                    }
                    case "AUTH" -> send(o, "235 2.7.0 Authentication successful");
                    case "VRFY" -> send(o, "252 2.1.5 Cannot VRFY user");
                    case "HELP" -> send(o, "214 2.0.0 EHLO HELO MAIL RCPT DATA RSET NOOP QUIT");
                    default -> send(o, "502 5.5.2 Command not recognized");
                }
            }
        } catch (SocketException e) {
            // dropped by the client or by goDown()
        } catch (IOException e) {
            System.err.println("session " + conn + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(s);
        }
    }

    private void count(long now, long conn, String messageId, String from, List<String> rcpts, long size) {
        firstMs.compareAndSet(0, now);
        lastMs.accumulateAndGet(now, Math::max);
        messages.incrementAndGet();
        recipients.addAndGet(rcpts.size());
        bytes.addAndGet(size);
        byMessageId.merge(messageId == null ? "-" : messageId, 1, Integer::sum);
        for (String r : rcpts) {
            byRcpt.merge(r, 1, Integer::sum);
        }
        record(now, conn, messageId, from, rcpts, size);
    }

    private static final String DISCONNECTED = new String("\u0000disconnected");

    /** Reads the message up to the lone dot; returns its Message-ID (null if none) and its size in size[0]. */
    private static String readData(LineReader in, long[] size) throws IOException {
        boolean headers = true;
        String messageId = null;
        boolean wantContinuation = false;
        while (true) {
            int n = in.next();
            if (n < 0) {
                return DISCONNECTED;
            }
            if (n == 1 && in.buf[in.start] == '.') {
                return messageId;
            }
            size[0] += n + 2;
            if (headers) {
                String l = in.string(n);
                if (l.isEmpty()) {
                    headers = false;
                } else if (wantContinuation && (l.charAt(0) == ' ' || l.charAt(0) == '\t')) {
                    messageId = l.trim();
                    wantContinuation = false;
                } else if (l.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                    String v = l.substring(11).trim();
                    if (v.isEmpty()) {
                        wantContinuation = true;
                    } else {
                        messageId = v;
                    }
                } else {
                    wantContinuation = false;
                }
            }
        }
    }

    /** Lines without CRLF straight from the socket's stream, without a String per body line. */
    static final class LineReader {
        private final InputStream in;
        byte[] buf = new byte[64 * 1024];
        private int pos;
        private int lim;
        int start;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** Advances to the next line: its bytes are buf[start, start+n); returns n, or -1 at end of stream. */
        int next() throws IOException {
            int scan = pos;
            while (true) {
                for (int i = scan; i < lim; i++) {
                    if (buf[i] == '\n') {
                        start = pos;
                        int n = i - pos;
                        if (n > 0 && buf[i - 1] == '\r') {
                            n--;
                        }
                        pos = i + 1;
                        return n;
                    }
                }
                if (pos > 0) { // compact
                    System.arraycopy(buf, pos, buf, 0, lim - pos);
                    lim -= pos;
                    pos = 0;
                }
                if (lim == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2); // a very long line
                }
                scan = lim;
                int r = in.read(buf, lim, buf.length - lim);
                if (r < 0) {
                    return -1;
                }
                lim += r;
            }
        }

        String string(int n) {
            return new String(buf, start, n, StandardCharsets.ISO_8859_1);
        }

        String line() throws IOException {
            int n = next();
            return n < 0 ? null : string(n);
        }
    }

    private static String address(String cmd) {
        int lt = cmd.indexOf('<');
        int gt = cmd.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) {
            return cmd.substring(lt + 1, gt).toLowerCase(Locale.ROOT);
        }
        int colon = cmd.indexOf(':');
        return (colon >= 0 ? cmd.substring(colon + 1) : cmd).trim().toLowerCase(Locale.ROOT);
    }

    private static void send(OutputStream o, String s) throws IOException {
        o.write(s.getBytes(StandardCharsets.US_ASCII));
        o.write('\r');
        o.write('\n');
        o.flush();
    }
}
