package com.herald.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.ScheduleManager;
import com.herald.support.SmtpIntegrationTest;
import com.herald.support.TestReports;
import com.herald.support.TestSmtp;
import com.herald.support.TestUsers;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * product.md §3 "Retries", §9 "SMTP down": while the SMTP server is away every send fails, the runs wait for
 * their retry (queued, with a next attempt) and try again with backoff; once it is back, every recipient gets
 * the email exactly once.
 */
@SmtpIntegrationTest
class SmtpOutageIT {

    static final int RUNS = 3;
    static final int RECIPIENTS = 5;

    /** Failed attempts each run makes while SMTP is down before it comes back. */
    static final int FAILED_ATTEMPTS = 3;

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @Autowired
    ScheduleManager manager;

    @Autowired
    TestUsers users;

    @Autowired
    TestReports reports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void whileSmtpIsDownRunsWaitForTheirRetryAndWhenItIsBackEveryoneGetsTheEmailOnce() throws Exception {
        UUID team = users.createTeam();
        HeraldUser editor = users.createMember(team, TeamRole.EDITOR);
        String reportType = reports.threeRows(team);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = new ArrayList<>();

        smtp.stop();
        Instant down = Instant.now();
        List<UUID> runIds = new ArrayList<>();
        for (int s = 0; s < RUNS; s++) {
            int schedule = s;
            List<String> emails = IntStream.range(0, RECIPIENTS)
                    .mapToObj(i -> "outage-" + schedule + "-" + i + "-" + tag + "@example.com")
                    .toList();
            recipients.addAll(emails);
            UUID id = manager.create(
                            editor, Reliability.draft(team, reportType, new Cadence.Daily(8, 0), null, emails, 10, 1))
                    .schedule()
                    .id();
            runIds.add(manager.trigger(editor, id).id());
        }

        // every run fails its sends, waits for a retry, and fails again: nothing is lost, nothing marked sent
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> waitingForRetry(team) == RUNS);
        assertThat(deliveries(team, "FAILED")).isEqualTo(RUNS * RECIPIENTS);
        assertThat(jdbc.sql("SELECT DISTINCT error_category FROM runs WHERE team_id = ?")
                        .param(team)
                        .query(String.class)
                        .list())
                .containsExactly("smtp");
        assertThat(smtp.getReceivedMessages()).isEmpty();

        smtp.start();
        Instant up = Instant.now();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM runs WHERE team_id = ? AND status = 'SUCCEEDED'")
                                .param(team)
                                .query(Long.class)
                                .single()
                        == RUNS);
        long deliveredAfterUp = Reliability.lastDeliveryMillisAfter(jdbc, team, up);

        assertThat(deliveries(team, "SENT")).isEqualTo(RUNS * RECIPIENTS);
        assertThat(smtp.waitForIncomingEmail(10_000, RUNS * RECIPIENTS)).isTrue();
        List<String> received = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            received.add(m.getAllRecipients()[0].toString());
        }
        Map<String, Long> perRecipient =
                received.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perRecipient.keySet()).containsExactlyInAnyOrderElementsOf(recipients);
        assertThat(perRecipient.values()).as("emails per recipient").containsOnly(1L);

        List<Integer> attempts = jdbc.sql("SELECT attempt FROM runs WHERE team_id = ?")
                .param(team)
                .query(Integer.class)
                .list();
        assertThat(attempts).allMatch(a -> a > FAILED_ATTEMPTS);
        System.out.printf(
                """
                [reliability] smtp outage: %d runs x %d recipients, SMTP down for %s (%d+ failed attempts per run, \
                backoff 1 s doubling)
                [reliability]   SMTP back -> last delivery: %s; attempts per run: %s; %d emails, 0 duplicates, \
                0 missing
                """,
                RUNS,
                RECIPIENTS,
                Reliability.seconds(Duration.between(down, up)),
                FAILED_ATTEMPTS,
                Reliability.seconds(deliveredAfterUp),
                attempts,
                received.size());
    }

    /** Runs queued for a later attempt after {@link #FAILED_ATTEMPTS} failed ones. */
    private long waitingForRetry(UUID team) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM runs WHERE team_id = ? AND status = 'QUEUED'
                            AND next_attempt_at IS NOT NULL AND attempt >= ?""").params(team, FAILED_ATTEMPTS).query(Long.class).single();
    }

    private long deliveries(UUID team, String status) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM deliveries d JOIN runs r ON r.id = d.run_id
                        WHERE r.team_id = ? AND d.status = ?""").params(team, status).query(Long.class).single();
    }
}
