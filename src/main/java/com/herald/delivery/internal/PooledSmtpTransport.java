package com.herald.delivery.internal;

import com.herald.delivery.DeliveryFailure;
import com.herald.delivery.MailTransport;
import com.herald.delivery.SendReceipt;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Date;
import java.util.Deque;
import java.util.Iterator;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP with reused connections. Opening one costs several round trips (TCP, greeting, EHLO, STARTTLS,
 * EHLO again, AUTH) where a message on an open one costs MAIL, RCPT, DATA; a run that mails 500
 * recipients should not pay the first part 500 times. Up to {@code poolSize} connections, each used by
 * one sender at a time; senders beyond that wait. The most recently used connection is taken first, so
 * under light load the others age out: after 30 s idle a connection is closed (QUIT). Every reuse starts
 * with a NOOP: servers drop idle clients and restart, and a message sent into a dead connection would
 * fail where a new connection would have worked; one round trip is still far less than a new connection.
 * A connection that failed is closed, and when the failure was the connection itself the idle ones are
 * closed too, as they most likely point at the same dead server.
 */
final class PooledSmtpTransport implements MailTransport, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PooledSmtpTransport.class);

    static final long IDLE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    static {
        MailStreamProvider.pin();
    }

    /** Where to connect; {@code protocol} is smtp or smtps. */
    record Server(String protocol, String host, int port, String username, String password) {}

    private record Idle(Transport transport, long since) {}

    private final Session session;
    private final Server server;
    private final Semaphore permits;
    private final Deque<Idle> idle = new ConcurrentLinkedDeque<>();
    private final SendRateLimiter rate;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService evictor;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong opened = new AtomicLong();
    private volatile boolean closed;

    PooledSmtpTransport(
            Session session,
            Server server,
            int poolSize,
            SendRateLimiter rate,
            LongSupplier nanoTime,
            boolean evictInBackground) {
        this.session = session;
        this.server = server;
        this.permits = new Semaphore(poolSize, true);
        this.rate = rate;
        this.nanoTime = nanoTime;
        if (evictInBackground) {
            evictor = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("herald-smtp-idle").factory());
            evictor.scheduleWithFixedDelay(this::evictIdle, 10, 10, TimeUnit.SECONDS);
        } else {
            evictor = null;
        }
    }

    /** From Spring Boot's spring.mail.* sender, plus herald.mail.* (pool size, rate, timeouts). */
    static PooledSmtpTransport create(JavaMailSenderImpl sender, MailProperties properties) {
        String protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol();
        Server server = new Server(
                protocol,
                sender.getHost(),
                sender.getPort() > 0 ? sender.getPort() : -1,
                sender.getUsername(),
                sender.getPassword());
        Session session = Session.getInstance(sessionProperties(sender.getJavaMailProperties(), properties));
        return new PooledSmtpTransport(
                session,
                server,
                properties.poolSize(),
                SendRateLimiter.of(properties.maxPerSecond()),
                System::nanoTime,
                true);
    }

    /** Timeouts and TCP_NODELAY for smtp and smtps, unless spring.mail.properties already sets them. */
    static Properties sessionProperties(Properties configured, MailProperties properties) {
        Properties props = new Properties();
        props.putAll(configured);
        String timeout = String.valueOf(properties.timeout().toMillis());
        NoDelaySocketFactory noDelay = new NoDelaySocketFactory();
        for (String prefix : new String[] {"mail.smtp", "mail.smtps"}) {
            props.putIfAbsent(prefix + ".connectiontimeout", timeout);
            props.putIfAbsent(prefix + ".timeout", timeout);
            props.putIfAbsent(prefix + ".writetimeout", timeout);
            // a socket factory configured by class (e.g. the old SSLSocketFactory recipe) must stay in charge
            if (!props.containsKey(prefix + ".socketFactory") && !props.containsKey(prefix + ".socketFactory.class")) {
                props.put(prefix + ".socketFactory", noDelay);
            }
        }
        return props;
    }

    @Override
    public MimeMessage createMimeMessage() {
        return new MimeMessage(session);
    }

    @Override
    public SendReceipt send(MimeMessage message) {
        Address[] recipients;
        try {
            if (message.getSentDate() == null) {
                message.setSentDate(new Date());
            }
            message.saveChanges();
            recipients = message.getAllRecipients();
        } catch (MessagingException e) {
            throw SmtpFailures.classify(e);
        }
        if (recipients == null || recipients.length == 0) {
            throw DeliveryFailure.recipient("The message has no recipient", null);
        }
        try {
            rate.acquire();
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.smtp("Interrupted while waiting to send", e);
        }
        try {
            return sendOn(borrow(), message, recipients);
        } catch (MessagingException e) {
            // connecting failed: whatever is idle was connected to the same server
            closeIdle();
            throw SmtpFailures.classify(e);
        } finally {
            permits.release();
        }
    }

    private SendReceipt sendOn(Transport transport, MimeMessage message, Address[] recipients) {
        try {
            transport.sendMessage(message, recipients);
            String reply = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : null;
            release(transport);
            return new SendReceipt(message.getMessageID(), reply == null ? "" : reply.strip());
        } catch (MessagingException e) {
            if (brokenConnection(e)) {
                close(transport);
                closeIdle();
            } else if (transport.isConnected()) {
                release(transport);
            } else {
                close(transport);
            }
            throw SmtpFailures.classify(e);
        } catch (RuntimeException e) {
            close(transport);
            throw e;
        }
    }

    private Transport borrow() throws MessagingException {
        for (Idle candidate = idle.pollFirst(); candidate != null; candidate = idle.pollFirst()) {
            long age = nanoTime.getAsLong() - candidate.since();
            if (age >= IDLE_LIMIT_NANOS || !candidate.transport().isConnected()) {
                close(candidate.transport());
            } else {
                return candidate.transport();
            }
        }
        Transport transport = session.getTransport(server.protocol());
        try {
            transport.connect(server.host(), server.port(), server.username(), server.password());
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(transport);
            throw e;
        }
        open.incrementAndGet();
        opened.incrementAndGet();
        return transport;
    }

    private void release(Transport transport) {
        if (closed) {
            close(transport);
        } else {
            idle.offerFirst(new Idle(transport, nanoTime.getAsLong()));
        }
    }

    /** Closes the connections idle for 30 s or more; runs every 10 s in the background. */
    void evictIdle() {
        long now = nanoTime.getAsLong();
        for (Iterator<Idle> it = idle.descendingIterator(); it.hasNext(); ) {
            Idle candidate = it.next();
            // remove() is false when a sender took it meanwhile
            if (now - candidate.since() >= IDLE_LIMIT_NANOS && idle.remove(candidate)) {
                close(candidate.transport());
            }
        }
    }

    private void closeIdle() {
        for (Idle candidate = idle.pollFirst(); candidate != null; candidate = idle.pollFirst()) {
            close(candidate.transport());
        }
    }

    private void close(Transport transport) {
        open.decrementAndGet();
        closeQuietly(transport);
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            log.debug("Closing an SMTP connection failed: {}", e.getMessage());
        }
    }

    private static boolean brokenConnection(Throwable e) {
        for (int depth = 0; e != null && depth < 10; e = e.getCause(), depth++) {
            if (e instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Connections open now (idle or in use). */
    int openConnections() {
        return open.get();
    }

    /** Connections opened since the start. */
    long connectionsOpened() {
        return opened.get();
    }

    int idleConnections() {
        return idle.size();
    }

    @Override
    public boolean isOutbox() {
        return false;
    }

    @Override
    public String destination() {
        return server.host() + ":" + (server.port() > 0 ? server.port() : defaultPort());
    }

    private int defaultPort() {
        return "smtps".equals(server.protocol()) ? 465 : 25;
    }

    @Override
    public void close() {
        closed = true;
        if (evictor != null) {
            evictor.shutdownNow();
        }
        closeIdle();
    }
}
