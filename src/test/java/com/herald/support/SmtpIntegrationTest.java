package com.herald.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * Like {@link IntegrationTest}, but Herald sends mail over SMTP to a GreenMail server
 *  on a free port
 * that the test class starts with {@code @RegisterExtension static GreenMailExtension smtp = TestSmtp.server();}.
 * Its scheduler shares the database with every other cached context; {@link OneActiveScheduler} pauses it while
 * other contexts' tests run (and theirs while this one's run), so it stays cached without taking their runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=${herald.test.smtp-port}"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface SmtpIntegrationTest {}
