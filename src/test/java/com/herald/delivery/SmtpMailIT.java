package com.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.delivery.internal.TestEmailService;
import com.herald.support.SmtpIntegrationTest;
import com.herald.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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

    @Autowired
    ReportMailer mailer;

    @Test
    void testEmailArrivesOverSmtp() throws Exception {
        assertThat(transport.isOutbox()).isFalse();
        assertThat(transport.destination()).isEqualTo("127.0.0.1:" + TestSmtp.PORT);

        SendReceipt receipt = testEmail.send("smtp-check@example.com", "admin@test.local", Locale.ENGLISH);

        assertThat(receipt.serverResponse()).startsWith("250");
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Herald test email");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("smtp-check@example.com");
        assertThat(received.getFrom()[0].toString()).contains("herald@localhost");
        assertThat(received.getMessageID()).isEqualTo(receipt.messageId());
    }

    @Test
    void aReportEmailArrivesWithTheMessageIdAndUnsubscribeHeadersItWasSentWith() throws Exception {
        UUID runId = UUID.randomUUID();
        ReportEmail email = new ReportEmail(
                runId,
                UUID.randomUUID(),
                "smtp-report@example.com",
                null,
                Locale.ENGLISH,
                "Sales — March 2026",
                "Sales",
                "Monthly sales",
                "March 2026",
                0,
                true,
                null,
                List.of(),
                List.of());

        SendReceipt receipt = mailer.send(email);

        assertThat(receipt.serverResponse()).startsWith("250");
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo(receipt.messageId()).startsWith("<" + runId + ".");
        assertThat(received.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(received.getHeader("List-Unsubscribe", null)).contains("/unsubscribe/");
        assertThat(received.getSubject()).isEqualTo("Sales — March 2026");
    }
}
