package com.herald.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The GreenMail SMTP server of {@link SmtpIntegrationTest}: one free port per test JVM, published as
 * the system property {@code herald.test.smtp-port} before any Spring context reads it.
 */
public final class TestSmtp {

    public static final int PORT = freePort();

    static {
        System.setProperty("herald.test.smtp-port", String.valueOf(PORT));
    }

    private TestSmtp() {}

    /** Register as {@code @RegisterExtension static GreenMailExtension smtp = TestSmtp.server();}. */
    public static GreenMailExtension server() {
        ServerSetup setup = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(15_000);
        return new GreenMailExtension(setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
