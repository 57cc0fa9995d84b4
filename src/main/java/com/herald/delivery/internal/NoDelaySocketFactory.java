package com.herald.delivery.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with TCP_NODELAY. SMTP is a dialogue of short commands (MAIL, RCPT, DATA's last dot)
 * each waiting for its reply; with Nagle's algorithm a short write can wait for the previous one's ACK
 * (up to the peer's delayed-ACK time, often 40 ms) on every message. Angus Mail creates the socket
 * unconnected through {@link #createSocket()} and connects it itself; for smtps and STARTTLS it layers TLS
 * on top of this socket, so the option holds for those too.
 */
class NoDelaySocketFactory extends SocketFactory {

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(createSocket(), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        return connected(socket, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(createSocket(), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        return connected(socket, new InetSocketAddress(address, port));
    }

    private static Socket connected(Socket socket, InetSocketAddress address) throws IOException {
        try {
            socket.connect(address);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
