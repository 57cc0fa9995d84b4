package com.herald.delivery.internal;

import com.herald.delivery.DeliveryFailure;
import com.herald.delivery.MailTransport;
import com.herald.identity.IdentityMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.util.HtmlUtils;

/** Sends the invitation and password-reset emails once the change that asked for them is committed. */
@Component
class IdentityMailSender {

    private static final Logger log = LoggerFactory.getLogger(IdentityMailSender.class);

    private final MailTransport transport;
    private final MailProperties properties;
    private final MessageSource messages;

    IdentityMailSender(MailTransport transport, MailProperties properties, MessageSource messages) {
        this.transport = transport;
        this.properties = properties;
        this.messages = messages;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(IdentityMail mail) {
        Locale locale = Locale.forLanguageTag(mail.locale() == null ? "en" : mail.locale());
        String prefix = mail instanceof IdentityMail.Invitation ? "mail.invitation" : "mail.passwordReset";
        Object[] args = mail instanceof IdentityMail.Invitation invitation
                ? new Object[] {invitation.invitedBy(), mail.link()}
                : new Object[] {mail.link()};
        String subject = messages.getMessage(prefix + ".subject", null, locale);
        String text = messages.getMessage(prefix + ".text", args, locale);
        String action = messages.getMessage(prefix + ".action", null, locale);
        try {
            MimeMessage message = transport.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(mail.to());
            helper.setSubject(subject);
            helper.setText(
                    text,
                    "<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;color:#212529\">"
                            + "<p>" + HtmlUtils.htmlEscape(text).replace("\n", "<br>") + "</p>"
                            + "<p><a href=\"" + HtmlUtils.htmlEscape(mail.link())
                            + "\" style=\"display:inline-block;padding:10px 16px;background:#0d6efd;color:#ffffff;"
                            + "text-decoration:none;border-radius:4px\">" + HtmlUtils.htmlEscape(action) + "</a></p>"
                            + "</body></html>");
            transport.send(message);
        } catch (MessagingException | DeliveryFailure e) {
            log.warn("Could not send {} to {}: {}", prefix, mail.to(), e.getMessage());
        }
    }
}
