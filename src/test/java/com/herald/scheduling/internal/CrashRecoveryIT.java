package com.herald.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.ScheduleManager;
import com.herald.support.SlowSmtpRelay;
import com.herald.support.SmtpIntegrationTest;
import com.herald.support.TestReports;
import com.herald.support.TestSmtp;
import com.herald.support.TestUsers;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * product.md §3 "Exactly once", §9 "Crash": a second Herald — the packaged jar in a JVM of its own — is killed
 * with SIGKILL in the middle of its runs. This test's instance revives them once the dead one's heartbeat is
 * missed and finishes them within 60 s; no delivery already {@code sent} is sent again, and only an email in
 * flight at the kill may arrive twice, with the same Message-ID.
 */
@SmtpIntegrationTest
class CrashRecoveryIT {

    static final int RUNS = 3;
    static final int RECIPIENTS = 40;

    /** The spec's bound: a crash mid-run is recovered by another instance within 60 s. */
    static final Duration RECOVERY = Duration.ofSeconds(60);

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

    @Autowired
    DataSource dataSource;

    @Autowired
    Scheduler scheduler;

    @Autowired
    Environment env;

    record Delivery(String status, int attempts, String messageId) {}

    @Test
    void anInstanceKilledMidRunIsFinishedByTheOtherWithoutResendingWhatWasSent() throws Exception {
        UUID team = users.createTeam();
        HeraldUser editor = users.createMember(team, TeamRole.EDITOR);
        String reportType = reports.threeRows(team);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int total = RUNS * RECIPIENTS;

        Map<String, Delivery> atKill;
        Instant killedAt;
        Duration childStart;
        Path log = Path.of("target", "crash-child-" + tag + ".log");
        // the child's SMTP replies are held back (each of its emails takes about 200 ms), the longest after the
        // server took an email: a kill then often finds one the server has and the child still calls "sending"
        try (SlowSmtpRelay relay = new SlowSmtpRelay(TestSmtp.PORT, Duration.ofMillis(10), Duration.ofMillis(150))) {
            Instant starting = Instant.now();
            Process child = startChild(relay.port(), log);
            try {
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> started(child, log));
                childStart = Duration.between(starting, Instant.now());

                // from here on only the child picks up executions: this instance stands by
                scheduler.pause();
                List<UUID> runIds = new ArrayList<>();
                for (int s = 0; s < RUNS; s++) {
                    int schedule = s;
                    List<String> emails = IntStream.range(0, RECIPIENTS)
                            .mapToObj(i -> "crash-" + schedule + "-" + i + "-" + tag + "@example.com")
                            .toList();
                    UUID id = manager.create(
                                    editor,
                                    Reliability.draft(
                                            team, reportType, new Cadence.Daily(8, 0), null, emails, null, null))
                            .schedule()
                            .id();
                    runIds.add(manager.trigger(editor, id).id());
                }
                // kill once a quarter is sent, at a moment when SMTP has taken an email the child has not recorded
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(10))
                        .until(() -> {
                            assertThat(child.isAlive())
                                    .as("the child is running")
                                    .isTrue();
                            long sent = deliveries(team).values().stream()
                                    .filter(d -> d.status().equals("SENT"))
                                    .count();
                            return sent >= total / 4 && smtp.getReceivedMessages().length > sent;
                        });
                child.destroyForcibly().waitFor();
                killedAt = Instant.now();
            } finally {
                if (child.isAlive()) {
                    child.destroyForcibly().waitFor();
                }
                scheduler.resume();
            }
            atKill = deliveries(team);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM runs WHERE team_id = ? AND status = 'RUNNING'")
                        .param(team)
                        .query(Long.class)
                        .single())
                .as("the kill landed in the middle of the runs")
                .isEqualTo(RUNS);
        long sentAtKill =
                atKill.values().stream().filter(d -> d.status().equals("SENT")).count();
        long inFlightAtKill = atKill.values().stream()
                .filter(d -> d.status().equals("SENDING"))
                .count();
        assertThat(sentAtKill).isLessThan(total);

        await().atMost(RECOVERY.minus(Duration.between(killedAt, Instant.now())))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM runs WHERE team_id = ? AND status = 'SUCCEEDED'")
                                .param(team)
                                .query(Long.class)
                                .single()
                        == RUNS);
        long recovered = jdbc.sql(
                        "SELECT TIMESTAMPDIFF(MICROSECOND, ?, MAX(finished_at)) DIV 1000 FROM runs WHERE team_id = ?")
                .params(Db.utc(killedAt), team)
                .query(Long.class)
                .single();

        Map<String, Delivery> after = deliveries(team);
        assertThat(after).hasSize(total);
        assertThat(after.values()).allSatisfy(d -> assertThat(d.status()).isEqualTo("SENT"));
        Map<String, List<String>> received = received();
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(after.keySet());
        int duplicates = 0;
        for (String to : after.keySet()) {
            Delivery before = atKill.getOrDefault(to, new Delivery("not created yet", 0, null));
            List<String> ids = received.get(to);
            if (before.status().equals("SENT")) {
                // sent before the kill: never claimed or sent again
                assertThat(ids).as("emails to %s, sent before the kill", to).hasSize(1);
                assertThat(after.get(to)).as("delivery to %s", to).isEqualTo(before);
            } else if (before.status().equals("SENDING") && ids.size() == 2) {
                // in flight at the kill: SMTP may have taken it; the resend carries the same Message-ID
                assertThat(ids)
                        .as("Message-IDs of the emails to %s", to)
                        .containsOnly(after.get(to).messageId());
                duplicates++;
            } else {
                assertThat(ids)
                        .as("emails to %s (%s at the kill)", to, before.status())
                        .hasSize(1);
            }
        }
        assertThat(duplicates).isLessThanOrEqualTo((int) inFlightAtKill);
        System.out.printf(
                """
                [reliability] crash: packaged Herald in a child JVM (up in %s) killed with SIGKILL during %d runs x %d \
                recipients
                [reliability]   at the kill: %d sent, %d in flight, %d pending
                [reliability]   kill -> all runs finished by the surviving instance: %s (heartbeat 5 s x 4 missed)
                [reliability]   %d emails received for %d recipients: %d duplicates (in flight at the kill, same \
                Message-ID), 0 missing, 0 re-sent after 'sent'
                """,
                Reliability.seconds(childStart),
                RUNS,
                RECIPIENTS,
                sentAtKill,
                inFlightAtKill,
                total - sentAtKill - inFlightAtKill,
                Reliability.seconds(recovered),
                received.values().stream().mapToInt(List::size).sum(),
                total,
                duplicates);
    }

    /** The packaged application in a JVM of its own, on this test's database, sending through the relay. */
    private Process startChild(int smtpPort, Path log) throws Exception {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("herald-.*\\.jar"))
                    .findFirst()
                    .orElseGet(() -> fail("target/herald-*.jar is missing: run the test with ./mvnw verify"));
        }
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("HERALD_") || k.equals("PORT"));
        environment.put("SPRING_DATASOURCE_URL", hikari.getJdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", hikari.getUsername());
        environment.put("SPRING_DATASOURCE_PASSWORD", hikari.getPassword());
        environment.put("SPRING_MAIL_HOST", "127.0.0.1");
        environment.put("SPRING_MAIL_PORT", String.valueOf(smtpPort));
        environment.put("SERVER_PORT", "0");
        environment.put("DBSCHEDULER_SCHEDULERNAME", "herald-crash-child");
        // the same secret key file as this instance (data-source passwords)
        environment.put(
                "HERALD_DATA_DIR",
                Path.of(env.getProperty("herald.data-dir", "./data"))
                        .toAbsolutePath()
                        .toString());
        environment.put("HERALD_DEMO_ENABLED", "false");
        return builder.start();
    }

    private static boolean started(Process child, Path log) throws IOException {
        String output = Files.exists(log) ? Files.readString(log) : "";
        if (!child.isAlive()) {
            fail("the child Herald exited with " + child.exitValue() + ":\n" + output);
        }
        return output.contains("Started HeraldApplication");
    }

    private Map<String, Delivery> deliveries(UUID team) {
        Map<String, Delivery> byEmail = new HashMap<>();
        jdbc.sql("""
                        SELECT d.email, d.status, d.attempts, d.message_id FROM deliveries d
                        JOIN runs r ON r.id = d.run_id WHERE r.team_id = ?""").param(team).query(rs -> {
            byEmail.put(rs.getString(1), new Delivery(rs.getString(2), rs.getInt(3), rs.getString(4)));
        });
        return byEmail;
    }

    /** Message-IDs GreenMail received, by recipient. */
    private Map<String, List<String>> received() throws Exception {
        Map<String, List<String>> byRecipient = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            byRecipient
                    .computeIfAbsent(m.getAllRecipients()[0].toString(), k -> new ArrayList<>())
                    .add(m.getMessageID());
        }
        return byRecipient;
    }
}
