package com.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.delivery.internal.TestEmailService;
import com.herald.support.SmtpIntegrationTest;
import com.herald.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** With spring.mail.host set, mail goes over real SMTP (GreenMail) and nothing is kept in the outbox. */
@SmtpIntegrationTest
class SmtpMailIT {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @Autowired
    MailTransport transport;

    @Autowired
    TestEmailService testEmail;

    @Test
    void testEmailArrivesOverSmtp() throws Exception {
        assertThat(transport.isOutbox()).isFalse();
        assertThat(transport.destination()).isEqualTo("127.0.0.1:" + TestSmtp.PORT);

        testEmail.send("smtp-check@example.com", "admin@test.local", Locale.ENGLISH);

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Herald test email");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("smtp-check@example.com");
        assertThat(received.getFrom()[0].toString()).contains("herald@localhost");
    }
}
