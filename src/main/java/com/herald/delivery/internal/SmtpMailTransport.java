package com.herald.delivery.internal;

import com.herald.delivery.MailTransport;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

final class SmtpMailTransport implements MailTransport {

    private final JavaMailSenderImpl sender;

    SmtpMailTransport(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    @Override
    public MimeMessage createMimeMessage() {
        return sender.createMimeMessage();
    }

    @Override
    public void send(MimeMessage message) {
        sender.send(message);
    }

    @Override
    public boolean isOutbox() {
        return false;
    }

    @Override
    public String destination() {
        return sender.getHost() + ":" + (sender.getPort() > 0 ? sender.getPort() : 25);
    }
}
