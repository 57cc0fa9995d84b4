package com.herald.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.herald.delivery.DeliveryFailure;
import com.herald.delivery.SendReceipt;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.bucket4j.TimeMeter;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pooled transport against GreenMail and against a scripted server, without Spring. */
class PooledSmtpTransportIT {

    /** Counts the sockets Angus Mail asked for and keeps them, to look at their options. */
    static final class CountingSocketFactory extends NoDelaySocketFactory {
        final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Socket createSocket() throws IOException {
            Socket socket = super.createSocket();
            sockets.add(socket);
            return socket;
        }
    }

    final CountingSocketFactory sockets = new CountingSocketFactory();
    final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
    }

    @Test
    void twoHundredMessagesFromEightThreadsArriveOnceEachOverFewConnections() throws Exception {
        GreenMail smtp = greenMail(freePort());
        PooledSmtpTransport transport = transport(smtp.getSmtp().getPort(), 4, SendRateLimiter.of(0), System::nanoTime);

        List<Future<SendReceipt>> sent = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                int n = i;
                sent.add(senders.submit(
                        () -> transport.send(message(transport, "user" + (n % 10) + "@example.com", "message " + n))));
            }
        }
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (Future<SendReceipt> receipt : sent) {
            assertThat(receipt.get().serverResponse()).startsWith("250");
            ids.add(receipt.get().messageId());
        }
        assertThat(ids).hasSize(200);

        assertThat(smtp.waitForIncomingEmail(10_000, 200)).isTrue();
        List<String> subjects = new ArrayList<>();
        for (MimeMessage received : smtp.getReceivedMessages()) {
            subjects.add(received.getSubject());
        }
        assertThat(subjects).hasSize(200).doesNotHaveDuplicates();

        assertThat(transport.connectionsOpened()).isBetween(1L, 4L);
        assertThat(sockets.sockets).hasSize((int) transport.connectionsOpened());
        assertThat(transport.idleConnections()).isEqualTo(transport.openConnections());
        for (Socket socket : sockets.sockets) {
            assertThat(socket.isConnected()).isTrue();
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void whileTheServerIsDownSendingFailsRetryablyAndAfterwardsThePoolRecovers() throws Exception {
        int port = freePort();
        GreenMail smtp = greenMail(port);
        PooledSmtpTransport transport = transport(port, 2, SendRateLimiter.of(0), System::nanoTime);
        transport.send(message(transport, "before@example.com", "before"));
        assertThat(transport.idleConnections()).isEqualTo(1);

        smtp.stop();
        // first on the pooled connection the server dropped, then on a connection refused
        for (String attempt : List.of("on the dropped connection", "on a refused connection")) {
            assertThatThrownBy(() -> transport.send(message(transport, "during@example.com", attempt)))
                    .as(attempt)
                    .isInstanceOfSatisfying(DeliveryFailure.class, failure -> {
                        assertThat(failure.category()).isEqualTo("smtp");
                        assertThat(failure.retryable()).isTrue();
                    });
        }
        assertThat(transport.openConnections()).isZero();

        GreenMail again = greenMail(port);
        SendReceipt receipt = transport.send(message(transport, "after@example.com", "after"));

        assertThat(receipt.serverResponse()).startsWith("250");
        assertThat(again.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(again.getReceivedMessages()[0].getSubject()).isEqualTo("after");
    }

    @Test
    void aServerRestartBetweenTwoMessagesGoesUnnoticed() throws Exception {
        int port = freePort();
        GreenMail first = greenMail(port);
        PooledSmtpTransport transport = transport(port, 2, SendRateLimiter.of(0), System::nanoTime);
        transport.send(message(transport, "one@example.com", "one"));
        first.stop();
        GreenMail second = greenMail(port);

        transport.send(message(transport, "two@example.com", "two"));

        assertThat(second.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(sockets.sockets).hasSize(2);
    }

    @Test
    void refusalsAreClassifiedOnTheWireAndTheConnectionIsKept() throws Exception {
        ScriptedSmtpServer server = scripted(
                address -> address.startsWith("gone")
                        ? "550 5.1.1 <" + address + ">: user unknown"
                        : address.startsWith("busy") ? "450 4.2.1 mailbox busy" : null,
                recipient -> recipient.startsWith("spam")
                        ? "554 5.7.1 rejected as spam"
                        : recipient.startsWith("later") ? "451 4.3.0 try again later" : null);
        PooledSmtpTransport transport = transport(server.port(), 4, SendRateLimiter.of(0), System::nanoTime);

        expect(transport, "gone@example.com", "recipient", false);
        expect(transport, "busy@example.com", "smtp", true);
        expect(transport, "spam@example.com", "smtp", false);
        expect(transport, "later@example.com", "smtp", true);
        SendReceipt receipt = transport.send(message(transport, "fine@example.com", "fine"));

        assertThat(receipt.serverResponse()).isEqualTo("250 2.0.0 queued as 42");
        assertThat(server.accepted.get()).isEqualTo(1);
        assertThat(server.connections.get()).as("one connection for all five").isEqualTo(1);
    }

    @Test
    void aReusedConnectionIsCheckedFirstAndClosedAfterThirtySecondsIdle() throws Exception {
        ScriptedSmtpServer server = scripted(address -> null, recipient -> null);
        AtomicLong now = new AtomicLong();
        PooledSmtpTransport transport = transport(server.port(), 4, SendRateLimiter.of(0), now::get);

        transport.send(message(transport, "a@example.com", "1"));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        transport.send(message(transport, "a@example.com", "2"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        transport.send(message(transport, "a@example.com", "3"));
        assertThat(server.connections.get()).isEqualTo(1);
        assertThat(server.noops.get()).as("one check per reuse").isEqualTo(2);

        now.addAndGet(TimeUnit.SECONDS.toNanos(29));
        transport.evictIdle();
        assertThat(transport.idleConnections()).as("29 s idle").isEqualTo(1);
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        transport.evictIdle();
        assertThat(transport.idleConnections()).as("30 s idle").isZero();
        assertThat(transport.openConnections()).isZero();
        assertThat(sockets.sockets.getFirst().isClosed()).isTrue();

        transport.send(message(transport, "a@example.com", "4"));
        assertThat(server.connections.get()).isEqualTo(2);
        assertThat(server.accepted.get()).isEqualTo(4);
    }

    @Test
    void theRateLimitHoldsSendersBack() throws Exception {
        ScriptedSmtpServer server = scripted(address -> null, recipient -> null);
        AtomicLong clock = new AtomicLong();
        TimeMeter meter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.get();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        SendRateLimiter limiter = SendRateLimiter.of(20, meter, clock::addAndGet);
        PooledSmtpTransport transport = transport(server.port(), 4, limiter, System::nanoTime);

        for (int i = 0; i < 11; i++) {
            transport.send(message(transport, "a@example.com", "paced " + i));
        }

        assertThat(clock.get()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(server.accepted.get()).isEqualTo(11);
    }

    @Test
    void afterCloseNothingStaysOpen() throws Exception {
        ScriptedSmtpServer server = scripted(address -> null, recipient -> null);
        PooledSmtpTransport transport = transport(server.port(), 4, SendRateLimiter.of(0), System::nanoTime);
        transport.send(message(transport, "a@example.com", "1"));
        assertThat(transport.openConnections()).isEqualTo(1);

        transport.close();

        assertThat(transport.openConnections()).isZero();
        assertThat(sockets.sockets.getFirst().isClosed()).isTrue();
    }

    private void expect(PooledSmtpTransport transport, String to, String category, boolean retryable) {
        assertThatThrownBy(() -> transport.send(message(transport, to, to)))
                .as(to)
                .isInstanceOfSatisfying(DeliveryFailure.class, failure -> {
                    assertThat(failure.category()).as(to).isEqualTo(category);
                    assertThat(failure.retryable()).as(to).isEqualTo(retryable);
                });
    }

    private PooledSmtpTransport transport(int port, int poolSize, SendRateLimiter limiter, LongSupplier clock) {
        Properties configured = new Properties();
        configured.put("mail.smtp.socketFactory", sockets);
        Properties props = PooledSmtpTransport.sessionProperties(
                configured, new MailProperties("Herald <herald@localhost>", poolSize, 0, Duration.ofSeconds(5)));
        PooledSmtpTransport transport = new PooledSmtpTransport(
                Session.getInstance(props),
                new PooledSmtpTransport.Server("smtp", "127.0.0.1", port, null, null),
                poolSize,
                limiter,
                clock,
                false);
        toClose.add(transport);
        return transport;
    }

    private static MimeMessage message(PooledSmtpTransport transport, String to, String subject) throws Exception {
        MimeMessage message = transport.createMimeMessage();
        message.setFrom(new InternetAddress("herald@localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("body of " + subject);
        return message;
    }

    private GreenMail greenMail(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(15_000);
        GreenMail smtp = new GreenMail(setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        toClose.add(smtp::stop);
        return smtp;
    }

    private ScriptedSmtpServer scripted(
            java.util.function.Function<String, String> rcpt, java.util.function.Function<String, String> data)
            throws IOException {
        ScriptedSmtpServer server = new ScriptedSmtpServer(rcpt, data);
        toClose.add(server);
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
