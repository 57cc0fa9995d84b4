package com.herald.delivery.internal;

import com.herald.delivery.MailTransport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class MailConfig {

    static {
        MailStreamProvider.pin();
    }

    /**
     * Spring Boot creates a JavaMailSender only when spring.mail.host is set; otherwise mail goes to the
     * outbox. Its settings (host, port, credentials, spring.mail.properties) feed the pooled transport;
     * the sender itself only serves Spring Boot's "mail" health check.
     */
    @Bean
    MailTransport mailTransport(
            ObjectProvider<JavaMailSender> sender, OutboxRepository outbox, MailProperties properties) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp instanceof JavaMailSenderImpl impl) {
            return PooledSmtpTransport.create(impl, properties);
        }
        return new OutboxMailTransport(outbox);
    }
}
