package com.herald.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay in front of an SMTP server (GreenMail) that holds back the server's replies, so that a sender's
 * emails take long enough for a test to act in the middle of them (kill the sender, say). Every reply waits
 * {@code replyDelay}; the reply to the end of an email's data — the server has taken the email, the sender does
 * not know yet — waits {@code acceptDelay}.
 */
public final class SlowSmtpRelay implements AutoCloseable {

    private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

    private final ServerSocket server;
    private final int targetPort;
    private final Duration replyDelay;
    private final Duration acceptDelay;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    public SlowSmtpRelay(int targetPort, Duration replyDelay, Duration acceptDelay) {
        this.targetPort = targetPort;
        this.replyDelay = replyDelay;
        this.acceptDelay = acceptDelay;
        try {
            this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.submit(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                AtomicBoolean dataEnded = new AtomicBoolean();
                threads.submit(() -> commands(client, upstream, dataEnded));
                threads.submit(() -> replies(upstream, client, dataEnded));
            } catch (IOException e) {
                // closed, or the upstream refused: the client sees its connection drop
            }
        }
    }

    /** Client to server, as is; notes when an email's data ends. */
    private void commands(Socket from, Socket to, AtomicBoolean dataEnded) {
        byte[] buffer = new byte[16 * 1024];
        int matched = 0;
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    matched = buffer[i] == END_OF_DATA[matched] ? matched + 1 : (buffer[i] == '\r' ? 1 : 0);
                    if (matched == END_OF_DATA.length) {
                        dataEnded.set(true);
                        matched = 0;
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Server to client, each reply held back. */
    private void replies(Socket from, Socket to, AtomicBoolean dataEnded) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                Thread.sleep(dataEnded.getAndSet(false) ? acceptDelay : replyDelay);
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        open.forEach(this::closeQuietly);
        threads.shutdownNow();
    }
}
