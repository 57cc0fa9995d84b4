package com.herald.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.delivery.DeliveryFailure;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

/** The exceptions as Angus Mail throws them (the wire-level cases are in PooledSmtpTransportIT). */
class SmtpFailuresTest {

    final InternetAddress bob = address("bob@example.com");

    @Test
    void aPermanentRcptRefusalIsTheRecipientsAndFinal() {
        DeliveryFailure failure = SmtpFailures.classify(rcpt(550, "550 5.1.1 <bob@example.com>: user unknown"));
        assertThat(failure.category()).isEqualTo("recipient");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("bob@example.com", "550 5.1.1", "user unknown");
    }

    @Test
    void aTemporaryRcptRefusalIsWorthRetrying() {
        DeliveryFailure failure = SmtpFailures.classify(rcpt(452, "452 4.2.2 mailbox full"));
        assertThat(failure.category()).isEqualTo("smtp");
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void anInvalidAddressIsTheRecipients() {
        assertThat(SmtpFailures.classify(new AddressException("Missing final '@domain'", "bob")))
                .satisfies(f -> assertThat(f.category()).isEqualTo("recipient"))
                .satisfies(f -> assertThat(f.retryable()).isFalse());
        SendFailedException invalid =
                new SendFailedException("Invalid Addresses", null, new Address[0], new Address[0], new Address[] {bob});
        assertThat(SmtpFailures.classify(invalid).category()).isEqualTo("recipient");
    }

    @Test
    void repliesToMailFromOrDataAreTheServersPermanentOnlyWhen5xx() {
        DeliveryFailure rejected = SmtpFailures.classify(
                new SMTPSendFailedException("DATA", 554, "554 5.7.1 rejected as spam", null, null, null, null));
        assertThat(rejected.category()).isEqualTo("smtp");
        assertThat(rejected.retryable()).isFalse();
        assertThat(rejected.getMessage()).contains("554 5.7.1");

        DeliveryFailure later = SmtpFailures.classify(
                new SMTPSendFailedException("DATA", 451, "451 4.3.0 try again later", null, null, null, null));
        assertThat(later.category()).isEqualTo("smtp");
        assertThat(later.retryable()).isTrue();

        DeliveryFailure sender = SmtpFailures.classify(new SMTPSenderFailedException(
                address("herald@localhost"), "MAIL FROM:<herald@localhost>", 553, "553 sender not allowed"));
        assertThat(sender.category()).isEqualTo("smtp");
        assertThat(sender.retryable()).isFalse();
    }

    @Test
    void connectionProblemsTimeoutsAndRefusedLoginsAreWorthRetrying() {
        MessagingException refused = new MailConnectException(new SocketConnectException(
                "Using socket factory", new ConnectException("Connection refused"), "smtp.example.com", 25, 10000));
        MessagingException timeout =
                new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"));
        for (MessagingException e :
                new MessagingException[] {refused, timeout, new AuthenticationFailedException("535 bad login")}) {
            DeliveryFailure failure = SmtpFailures.classify(e);
            assertThat(failure.category()).as(e.toString()).isEqualTo("smtp");
            assertThat(failure.retryable()).as(e.toString()).isTrue();
            assertThat(failure.getCause()).isSameAs(e);
        }
        assertThat(SmtpFailures.classify(timeout).getMessage()).contains("Read timed out");
    }

    @Test
    void onlyARefusedAddressLeavesTheConnectionClean() {
        assertThat(SmtpFailures.connectionReusable(rcpt(550, "550 unknown"))).isTrue();
        assertThat(SmtpFailures.connectionReusable(
                        new SMTPSendFailedException("DATA", 554, "554 no", null, null, null, null)))
                .isFalse();
        assertThat(SmtpFailures.connectionReusable(new MessagingException("broken")))
                .isFalse();
    }

    private SendFailedException rcpt(int code, String reply) {
        SMTPAddressFailedException address =
                new SMTPAddressFailedException(bob, "RCPT TO:<bob@example.com>", code, reply);
        return new SendFailedException(
                "Invalid Addresses", address, new Address[0], new Address[0], new Address[] {bob});
    }

    private static InternetAddress address(String value) {
        try {
            return new InternetAddress(value);
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }
}
