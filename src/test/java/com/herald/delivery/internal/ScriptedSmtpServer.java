package com.herald.delivery.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A minimal SMTP server for replies GreenMail cannot give: the reply to RCPT TO and to the end of DATA is
 * chosen per recipient by the test ({@code rcpt} and {@code data} map the address to a reply line; null
 * means "250 OK"). Counts connections, so tests see whether one was reused.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final Function<String, String> rcpt;
    private final Function<String, String> data;
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger noops = new AtomicInteger();

    ScriptedSmtpServer(Function<String, String> rcpt, Function<String, String> data) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.rcpt = rcpt;
        this.data = data;
        Thread.ofPlatform().daemon().name("scripted-smtp").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread.ofPlatform().daemon().start(() -> converse(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 scripted ESMTP");
            String recipient = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 scripted");
                } else if (command.startsWith("MAIL FROM")) {
                    recipient = null;
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    String answer = rcpt.apply(address);
                    if (answer == null) {
                        recipient = address;
                    }
                    reply(out, answer == null ? "250 OK" : answer);
                } else if (command.equals("DATA")) {
                    reply(out, "354 go ahead");
                    for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
                        // the message itself is not kept
                    }
                    String answer = data.apply(recipient);
                    if (answer == null) {
                        accepted.incrementAndGet();
                    }
                    reply(out, answer == null ? "250 2.0.0 queued as 42" : answer);
                } else if (command.equals("NOOP")) {
                    noops.incrementAndGet();
                    reply(out, "250 OK");
                } else if (command.equals("RSET")) {
                    reply(out, "250 OK");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
