package com.herald.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class PooledSmtpTransportTest {

    final MailProperties herald = new MailProperties("Herald <h@localhost>", 3, 0, Duration.ofSeconds(7));

    @Test
    void smtpAndSmtpsGetTimeoutsAndANoDelaySocketFactory() {
        Properties props = PooledSmtpTransport.sessionProperties(new Properties(), herald);

        for (String prefix : new String[] {"mail.smtp", "mail.smtps"}) {
            assertThat(props.getProperty(prefix + ".connectiontimeout")).isEqualTo("7000");
            assertThat(props.getProperty(prefix + ".timeout")).isEqualTo("7000");
            assertThat(props.getProperty(prefix + ".writetimeout")).isEqualTo("7000");
            assertThat(props.get(prefix + ".socketFactory")).isInstanceOf(NoDelaySocketFactory.class);
        }
    }

    @Test
    void whatSpringMailPropertiesSetStays() {
        Properties configured = new Properties();
        configured.setProperty("mail.smtp.timeout", "60000");
        configured.setProperty("mail.smtp.starttls.enable", "true");
        configured.setProperty("mail.smtps.socketFactory.class", "javax.net.ssl.SSLSocketFactory");

        Properties props = PooledSmtpTransport.sessionProperties(configured, herald);

        assertThat(props.getProperty("mail.smtp.timeout")).isEqualTo("60000");
        assertThat(props.getProperty("mail.smtp.connectiontimeout")).isEqualTo("7000");
        assertThat(props.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
        assertThat(props.get("mail.smtp.socketFactory")).isInstanceOf(NoDelaySocketFactory.class);
        assertThat(props.get("mail.smtps.socketFactory"))
                .as("a factory class is configured")
                .isNull();
    }

    @Test
    void destinationNamesHostAndPortOrTheProtocolsDefault() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("smtp.example.com");
        try (PooledSmtpTransport transport = PooledSmtpTransport.create(sender, herald)) {
            assertThat(transport.destination()).isEqualTo("smtp.example.com:25");
            assertThat(transport.isOutbox()).isFalse();
        }
        sender.setProtocol("smtps");
        try (PooledSmtpTransport transport = PooledSmtpTransport.create(sender, herald)) {
            assertThat(transport.destination()).isEqualTo("smtp.example.com:465");
        }
        sender.setPort(587);
        try (PooledSmtpTransport transport = PooledSmtpTransport.create(sender, herald)) {
            assertThat(transport.destination()).isEqualTo("smtp.example.com:587");
        }
    }
}
