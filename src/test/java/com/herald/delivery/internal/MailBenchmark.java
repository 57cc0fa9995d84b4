package com.herald.delivery.internal;

import com.herald.delivery.ReportEmail;
import com.herald.delivery.Unsubscribes;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mail benchmark (product.md §8 Mail: ≥ 1,000 messages/s with 100 KB attachments to a local sink over reused
 * connections). Not a test: a main class on the test class path, run by {@code bench/mail}.
 *
 * <p>Two ways of sending the same kind of message to an SMTP sink at {@code host:port}:
 *
 * <ul>
 *   <li><b>herald</b>: production code end to end — {@link DefaultReportMailer} composing a report email
 *       ({@link ReportEmailComposer}: Thymeleaf text and HTML bodies, signed unsubscribe link, the attachment streamed
 *       from its file and base64-encoded while written) and sending it through {@link PooledSmtpTransport} as
 *       {@link PooledSmtpTransport#create} configures it from the {@code spring.mail.*} / {@code herald.mail.*}
 *       settings (pool of {@code senders} connections, NOOP before each reuse, no rate limit);
 *   <li><b>raw</b>: the ceiling — Jakarta Mail alone, one {@link Transport} connected once per sender thread and
 *       reused, a prebuilt multipart message with the same attachment (text body + attachment), no NOOP; with
 *       TCP_NODELAY like Herald's transport (without it: ~40 msg/s per connection, Nagle against delayed ACKs).
 * </ul>
 *
 * Each case runs with 1 sender thread and with {@code senders} threads, after a warm-up, for {@code seconds}.
 *
 * <p>Usage: MailBenchmark host port seconds senders attachmentKB [cases...] (cases: raw herald; default both)
 */
public final class MailBenchmark {

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int senders = Integer.parseInt(args[3]);
        int kb = Integer.parseInt(args[4]);
        List<String> cases =
                args.length > 5 ? List.of(Arrays.copyOfRange(args, 5, args.length)) : List.of("raw", "herald");

        // as Herald does at start (MailConfig): both cases with the same Jakarta Mail set-up
        MailStreamProvider.pin();
        Path dir = Files.createDirectories(Path.of("target/bench-mail"));
        Path file = dir.resolve("report.csv");
        Files.writeString(file, csv(kb * 1024), StandardCharsets.UTF_8);
        System.out.printf(
                "attachment: %s, %,d bytes; sink %s:%d; %d s per case after a %d s warm-up; senders 1 and %d%n",
                file, Files.size(file), host, port, seconds, Math.max(2, seconds / 3), senders);

        double best = 0;
        for (String kind : cases) {
            for (int threads : senders == 1 ? List.of(1) : List.of(1, senders)) {
                Sender sender = kind.equals("raw")
                        ? new RawSender(host, port, file)
                        : new HeraldSender(host, port, threads, file);
                try {
                    run(kind, threads, sender, Math.max(2, seconds / 3), false);
                    double rate = run(kind, threads, sender, seconds, true);
                    if (kind.equals("herald")) {
                        best = Math.max(best, rate);
                    }
                } finally {
                    sender.close();
                }
            }
        }
        if (cases.contains("herald")) {
            System.out.printf(
                    "RESULT name=mail.herald value=%.0f unit=msg/s target=>=1000 met=%s%n",
                    best, best >= 1000 ? "yes" : "no");
        }
    }

    /** Runs {@code threads} senders for {@code seconds}; returns messages per second. */
    static double run(String kind, int threads, Sender sender, int seconds, boolean print) throws Exception {
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AtomicLong cpu = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread.ofPlatform().start(() -> {
                long c0 = bean.getCurrentThreadCpuTime();
                long n = 0;
                try {
                    while (System.nanoTime() < end) {
                        try {
                            sender.send(index, n++);
                            sent.incrementAndGet();
                        } catch (Exception e) {
                            if (failed.incrementAndGet() == 1) {
                                e.printStackTrace();
                            }
                        }
                    }
                } finally {
                    cpu.addAndGet(bean.getCurrentThreadCpuTime() - c0);
                    done.countDown();
                }
            });
        }
        done.await();
        double wall = (System.nanoTime() - t0) / 1e9;
        double rate = sent.get() / wall;
        if (print) {
            System.out.printf(
                    "%-7s %2d sender(s): %,7d messages in %.1f s = %,6.0f msg/s; sender CPU %.2f ms/msg (%,.0f msg per CPU-s); %d failed; load %s%n",
                    kind,
                    threads,
                    sent.get(),
                    wall,
                    rate,
                    cpu.get() / 1e6 / Math.max(1, sent.get()),
                    sent.get() / (cpu.get() / 1e9),
                    failed.get(),
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            System.out.printf(
                    "RESULT name=mail.%s.%d value=%.0f unit=msg/s target=%s met=%s%n",
                    kind,
                    threads,
                    rate,
                    kind.equals("herald") ? ">=1000" : "-",
                    kind.equals("herald") ? (rate >= 1000 ? "yes" : "no") : "-");
        }
        return rate;
    }

    interface Sender extends AutoCloseable {
        void send(int thread, long n) throws Exception;

        @Override
        void close();
    }

    /** Herald's own path: DefaultReportMailer → ReportEmailComposer → PooledSmtpTransport, as in production. */
    static final class HeraldSender implements Sender {

        private final PooledSmtpTransport transport;
        private final DefaultReportMailer mailer;
        private final Path file;
        private final UUID runId = UUID.randomUUID();
        private final UUID scheduleId = UUID.randomUUID();

        HeraldSender(String host, int port, int poolSize, Path file) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost(host);
            sender.setPort(port);
            this.transport = PooledSmtpTransport.create(
                    sender, new MailProperties("Herald <herald@localhost>", poolSize, 0, Duration.ofSeconds(10)));
            HmacLinkSigner signer =
                    new HmacLinkSigner(() -> "0123456789abcdef0123456789abcdef".getBytes(), Clock.systemUTC());
            URI base = URI.create("https://herald.example.com");
            Unsubscribes unsubscribes = new Unsubscribes() {
                @Override
                public String token(UUID schedule, String email) {
                    return signer.sign("unsubscribe", schedule + "\n" + email.toLowerCase(Locale.ROOT), null);
                }

                @Override
                public URI url(UUID schedule, String email) {
                    return base.resolve("/unsubscribe/" + token(schedule, email));
                }

                @Override
                public boolean isUnsubscribed(UUID schedule, String email) {
                    return false;
                }

                @Override
                public Set<String> unsubscribedAmong(UUID schedule, Collection<String> emails) {
                    return Set.of();
                }
            };
            this.mailer = new DefaultReportMailer(
                    ReportEmailComposerTest.composer("https://herald.example.com"), transport, unsubscribes);
            this.file = file;
        }

        @Override
        public void send(int thread, long n) {
            mailer.send(new ReportEmail(
                    runId,
                    scheduleId,
                    "reader" + thread + "-" + n + "@example.com",
                    "Reader " + n,
                    Locale.ENGLISH,
                    "Daily sales EMEA – 2026-11-23",
                    "Daily sales by region",
                    "Daily sales EMEA",
                    "23 Nov 2026",
                    1_234,
                    false,
                    null,
                    List.of(new ReportEmail.Attachment("daily-sales-emea-2026-11-23.csv", "text/csv", file)),
                    List.of()));
        }

        @Override
        public void close() {
            System.out.printf("        (pool: %d connections opened in all)%n", transport.connectionsOpened());
            transport.close();
        }
    }

    /** The ceiling: Jakarta Mail alone, one connection per thread opened once, a message built once. */
    static final class RawSender implements Sender {

        private final Session session;
        private final String host;
        private final int port;
        private final MimeMessage message;
        private final Address[] to;
        private final ThreadLocal<Transport> connection = new ThreadLocal<>();
        private final List<Transport> all = new ArrayList<>();

        RawSender(String host, int port, Path file) throws Exception {
            Properties props = new Properties();
            props.put("mail.smtp.host", host);
            props.put("mail.smtp.port", String.valueOf(port));
            // as Herald's transport does: without TCP_NODELAY, Nagle and delayed ACKs hold each message ~40 ms
            props.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
            this.session = Session.getInstance(props);
            this.host = host;
            this.port = port;
            message = new MimeMessage(session);
            message.setFrom(new InternetAddress("herald@localhost"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("reader@example.com"));
            message.setSubject("Daily sales EMEA – 2026-11-23", "UTF-8");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Your report is attached.", "UTF-8");
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.attachFile(file.toFile(), "text/csv", "base64");
            MimeMultipart mixed = new MimeMultipart("mixed", text, attachment);
            message.setContent(mixed);
            message.saveChanges();
            to = message.getAllRecipients();
        }

        @Override
        public void send(int thread, long n) throws Exception {
            Transport transport = connection.get();
            if (transport == null) {
                transport = session.getTransport("smtp");
                transport.connect(host, port, null, null);
                connection.set(transport);
                synchronized (all) {
                    all.add(transport);
                }
            }
            transport.sendMessage(message, to);
        }

        @Override
        public void close() {
            synchronized (all) {
                for (Transport t : all) {
                    try {
                        t.close();
                    } catch (Exception e) {
                        // ignore
                    }
                }
                all.clear();
            }
        }
    }

    /** CSV-like text of about {@code bytes} bytes (base64 of text or binary is the same size). */
    static String csv(int bytes) {
        Random random = new Random(7);
        StringBuilder out = new StringBuilder(bytes + 100);
        out.append("order_id,region,product,quantity,amount,ordered_at\r\n");
        for (long id = 1; out.length() < bytes; id++) {
            out.append(id)
                    .append(',')
                    .append(List.of("EMEA", "APAC", "Americas").get(random.nextInt(3)))
                    .append(",Product ")
                    .append(random.nextInt(500))
                    .append(',')
                    .append(1 + random.nextInt(20))
                    .append(',')
                    .append(random.nextInt(100_000) / 100.0)
                    .append(",2026-11-")
                    .append(10 + random.nextInt(13))
                    .append("\r\n");
        }
        out.setLength(bytes);
        return out.toString();
    }
}
