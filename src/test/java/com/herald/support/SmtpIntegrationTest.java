package com.herald.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * Like {@link IntegrationTest}, but Herald sends mail over SMTP to a GreenMail server on 127.0.0.1:3025
 * that the test class starts ({@code @RegisterExtension static GreenMailExtension}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface SmtpIntegrationTest {}
