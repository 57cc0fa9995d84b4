package com.herald.delivery.internal;

import com.herald.delivery.DeliveryFailure;
import com.herald.delivery.MailTransport;
import com.herald.delivery.SendReceipt;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/** The "send test email" of the settings page: proves the mail path end to end. */
@Service
public class TestEmailService {

    private final MailTransport transport;
    private final MailProperties properties;
    private final MessageSource messages;

    TestEmailService(MailTransport transport, MailProperties properties, MessageSource messages) {
        this.transport = transport;
        this.properties = properties;
        this.messages = messages;
    }

    /** Sends one test message to the address; throws {@link DeliveryFailure} when the transport fails. */
    public SendReceipt send(String to, String requestedBy, Locale locale) {
        String when = ZonedDateTime.now()
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(locale));
        String subject = messages.getMessage("mail.test.subject", null, locale);
        String body = messages.getMessage(
                "mail.test.body", new Object[] {requestedBy, when, transport.destination()}, locale);
        try {
            MimeMessage message = transport.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(
                    body,
                    "<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;color:#212529\">"
                            + "<h1 style=\"font-size:20px\">" + HtmlUtils.htmlEscape(subject) + "</h1>"
                            + "<p>" + HtmlUtils.htmlEscape(body) + "</p></body></html>");
            return transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not build the test email", e);
        }
    }
}
