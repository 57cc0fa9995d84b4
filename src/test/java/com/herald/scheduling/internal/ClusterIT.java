package com.herald.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.herald.HeraldApplication;
import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.ScheduleManager;
import com.herald.support.SmtpIntegrationTest;
import com.herald.support.TestReports;
import com.herald.support.TestSmtp;
import com.herald.support.TestUsers;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * product.md §3 "Exactly once", §9 "Cluster": two Herald instances on one database (this test's context and a
 * second one started here), 2,000 schedules due at the same second. Every fire makes exactly one run, every
 * recipient gets exactly one email, and both instances take a share of the work.
 */
@SmtpIntegrationTest
class ClusterIT {

    static final int SCHEDULES = 2000;

    /** How far ahead the common fire second lies: time to create the schedules first. */
    static final Duration LEAD = Duration.ofSeconds(45);

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

    @Test
    void twoInstancesFireEachOfTwoThousandSchedulesOnceAndEmailEachRecipientOnce() throws Exception {
        UUID team = users.createTeam();
        HeraldUser editor = users.createMember(team, TeamRole.EDITOR);
        String reportType = reports.threeRows(team);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = IntStream.range(0, SCHEDULES)
                .mapToObj(i -> "cluster-" + i + "-" + tag + "@example.com")
                .toList();

        Reliability.ExecutionCounter here = new Reliability.ExecutionCounter();
        scheduler.registerSchedulerListener(here);
        Instant started = Instant.now();
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            Reliability.ExecutionCounter there = new Reliability.ExecutionCounter();
            second.getBean(Scheduler.class).registerSchedulerListener(there);
            Duration secondStart = Duration.between(started, Instant.now());

            // one cron firing once, at a whole second LEAD ahead; end_at right after it, so never again
            Instant fireAt = Instant.now().plus(LEAD).truncatedTo(ChronoUnit.SECONDS);
            ZonedDateTime t = fireAt.atZone(ZoneOffset.UTC);
            Cadence once = new Cadence.Cron("%d %d %d %d %d ?"
                    .formatted(t.getSecond(), t.getMinute(), t.getHour(), t.getDayOfMonth(), t.getMonthValue()));
            Instant creating = Instant.now();
            List<UUID> scheduleIds = createInParallel(
                    editor,
                    recipients,
                    r -> Reliability.draft(team, reportType, once, fireAt.plusSeconds(1), List.of(r), null, null));
            Duration creation = Duration.between(creating, Instant.now());
            assertThat(Instant.now())
                    .as("the %d schedules must exist before they fire (creating took %s)", SCHEDULES, creation)
                    .isBefore(fireAt);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM schedules WHERE team_id = ? AND next_run_at = ?")
                            .params(team, Db.utc(fireAt))
                            .query(Long.class)
                            .single())
                    .isEqualTo(SCHEDULES);

            await().atMost(Duration.between(Instant.now(), fireAt).plus(Duration.ofMinutes(3)))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> finishedRuns(team) == SCHEDULES);
            assertThat(smtp.waitForIncomingEmail(30_000, SCHEDULES)).isTrue();
            here.off();
            there.off();

            // every fire made exactly one run, on time, and it succeeded
            Map<String, Object> runs =
                    jdbc.sql("""
                            SELECT COUNT(*) AS total, COUNT(DISTINCT schedule_id) AS schedules,
                                SUM(nominal_time = ?) AS on_nominal, SUM(trigger_kind = 'SCHEDULED') AS scheduled,
                                SUM(status = 'SUCCEEDED') AS succeeded
                            FROM runs WHERE team_id = ?""").params(Db.utc(fireAt), team).query().singleRow();
            assertThat(runs)
                    .extractingByKeys("total", "schedules", "on_nominal", "scheduled", "succeeded")
                    .map(n -> ((Number) n).longValue())
                    .containsOnly((long) SCHEDULES);

            // one delivery per recipient, sent; GreenMail got exactly one email per recipient
            assertThat(jdbc.sql("""
                            SELECT COUNT(*) FROM deliveries d JOIN runs r ON r.id = d.run_id
                            WHERE r.team_id = ? AND d.status = 'SENT'""").param(team).query(Long.class).single()).isEqualTo(SCHEDULES);
            Map<String, Long> received = receivedPerRecipient();
            assertThat(recipients.stream().filter(r -> !received.containsKey(r)))
                    .as("recipients who got no email")
                    .isEmpty();
            assertThat(received.entrySet().stream().filter(e -> e.getValue() > 1))
                    .as("recipients who got more than one email")
                    .isEmpty();
            assertThat(received.keySet()).hasSize(SCHEDULES);

            // both instances worked: each executed runs, and together they executed every run
            Set<String> runIds = new HashSet<>(jdbc.sql("SELECT id FROM runs WHERE team_id = ?")
                    .param(team)
                    .query(String.class)
                    .list());
            Set<String> runsHere = intersect(here.completed(FirePlanner.RUN_TASK), runIds);
            Set<String> runsThere = intersect(there.completed(FirePlanner.RUN_TASK), runIds);
            Set<String> allRuns = new HashSet<>(runsHere);
            allRuns.addAll(runsThere);
            assertThat(allRuns).isEqualTo(runIds);
            assertThat(runsHere).isNotEmpty();
            assertThat(runsThere).isNotEmpty();

            long lastDelivery = Reliability.lastDeliveryMillisAfter(jdbc, team, fireAt);
            Lag lag = lag(team, fireAt);
            System.out.printf(
                    """
                    [reliability] cluster: %d schedules fired at %s on 2 instances
                    [reliability]   second instance started in %s; %d schedules created in %s (8 threads)
                    [reliability]   fire -> last delivery: %s; run created after the fire: p50 %s, p99 %s, max %s
                    [reliability]   runs executed: %d here, %d on the second instance
                    [reliability]   %d runs, %d emails received, 0 duplicates, 0 missing
                    """,
                    SCHEDULES,
                    fireAt,
                    Reliability.seconds(secondStart),
                    SCHEDULES,
                    Reliability.seconds(creation),
                    Reliability.seconds(lastDelivery),
                    Reliability.seconds(lag.p50()),
                    Reliability.seconds(lag.p99()),
                    Reliability.seconds(lag.max()),
                    runsHere.size(),
                    runsThere.size(),
                    ((Number) runs.get("total")).longValue(),
                    received.values().stream().mapToLong(Long::longValue).sum());
        } finally {
            here.off();
        }
    }

    /** A second Herald in this JVM on the same database and SMTP server, with a scheduler name of its own. */
    private ConfigurableApplicationContext startSecondInstance() throws SQLException {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        SpringApplication app = new SpringApplicationBuilder(HeraldApplication.class)
                .profiles("test")
                .build();
        // logging is the test JVM's, already set up: the second context must not reset it or stop it on close
        app.setListeners(app.getListeners().stream()
                .filter(l -> !(l instanceof LoggingApplicationListener))
                .toList());
        return app.run(
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + hikari.getPassword(),
                "--server.port=0",
                "--db-scheduler.scheduler-name=herald-cluster-second",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestSmtp.PORT,
                "--herald.demo.enabled=false",
                "--spring.jmx.enabled=false");
    }

    private List<UUID> createInParallel(
            HeraldUser editor, List<String> recipients, Function<String, com.herald.scheduling.ScheduleDraft> draft)
            throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<UUID>> created = new ArrayList<>();
            for (String r : recipients) {
                created.add(pool.submit(
                        () -> manager.create(editor, draft.apply(r)).schedule().id()));
            }
            List<UUID> ids = new ArrayList<>();
            for (Future<UUID> f : created) {
                ids.add(f.get());
            }
            return ids;
        }
    }

    private long finishedRuns(UUID team) {
        return jdbc.sql("SELECT COUNT(*) FROM runs WHERE team_id = ? AND status IN ('SUCCEEDED', 'FAILED')")
                .param(team)
                .query(Long.class)
                .single();
    }

    private Map<String, Long> receivedPerRecipient() throws MessagingException {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            to.add(m.getAllRecipients()[0].toString());
        }
        return to.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private record Lag(long p50, long p99, long max) {}

    /** How long after the fire each run was created (dispatch lag), in milliseconds. */
    private Lag lag(UUID team, Instant fireAt) {
        List<Long> lags =
                jdbc.sql("""
                        SELECT TIMESTAMPDIFF(MICROSECOND, ?, created_at) DIV 1000 FROM runs
                        WHERE team_id = ? ORDER BY 1""").params(Db.utc(fireAt), team).query(Long.class).list();
        return new Lag(lags.get(lags.size() / 2), lags.get((int) Math.ceil(lags.size() * 0.99) - 1), lags.getLast());
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
