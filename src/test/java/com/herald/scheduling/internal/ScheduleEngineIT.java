package com.herald.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.recipients.RecipientInput;
import com.herald.recipients.RecipientListDraft;
import com.herald.recipients.RecipientListManager;
import com.herald.recipients.RecipientStatus;
import com.herald.reports.ReportFormat;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.DeliveryStatus;
import com.herald.scheduling.OverlapPolicy;
import com.herald.scheduling.Run;
import com.herald.scheduling.RunStatus;
import com.herald.scheduling.RunTrigger;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleDraft;
import com.herald.scheduling.ScheduleException;
import com.herald.scheduling.ScheduleManager;
import com.herald.scheduling.ScheduleStatus;
import com.herald.support.IntegrationTest;
import com.herald.support.Outbox;
import com.herald.support.TestReports;
import com.herald.support.TestUsers;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The engine end to end on the outbox: fires become runs, runs render once and email every recipient once. */
@IntegrationTest
class ScheduleEngineIT {

    @Autowired
    ScheduleManager manager;

    @Autowired
    FireHandler fires;

    @Autowired
    TestUsers users;

    @Autowired
    TestReports reports;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecipientListManager recipientLists;

    @Autowired
    ArtifactLinks links;

    @Autowired
    FireAudit audit;

    @Autowired
    MockMvc mvc;

    UUID team;
    HeraldUser editor;

    @BeforeEach
    void team() {
        team = users.createTeam();
        editor = users.createMember(team, TeamRole.EDITOR);
    }

    private ScheduleDraft draft(String reportType, Cadence cadence, List<String> emails) {
        return new ScheduleDraft(
                "Schedule " + UUID.randomUUID(),
                null,
                team,
                reportType,
                Map.of(),
                cadence,
                "Europe/Berlin",
                null,
                null,
                List.of(),
                emails,
                List.of(),
                List.of(ReportFormat.CSV),
                "{{report}} for {{period}}",
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private Run awaitFinal(UUID runId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> manager.run(editor, runId).status().isFinal());
        return manager.run(editor, runId);
    }

    @Test
    void runNowRendersOnceAndEmailsEachRecipientTheAttachment() throws Exception {
        String first = address("ann");
        String second = address("bob");
        Schedule schedule = manager.create(
                        editor, draft(reports.threeRows(team), new Cadence.Daily(8, 0), List.of(first, second)))
                .schedule();

        Run run = awaitFinal(manager.trigger(editor, schedule.id()).id());

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.trigger()).isEqualTo(RunTrigger.MANUAL);
        assertThat(run.triggeredBy()).isEqualTo(editor.id());
        assertThat(run.rowCount()).isEqualTo(3);
        assertThat(run.artifacts()).singleElement().satisfies(a -> assertThat(a.format())
                .isEqualTo(ReportFormat.CSV));
        assertThat(run.deliveries())
                .extracting(d -> d.email(), d -> d.status())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(first, DeliveryStatus.SENT),
                        org.assertj.core.groups.Tuple.tuple(second, DeliveryStatus.SENT));
        for (String to : List.of(first, second)) {
            List<MimeMessage> messages = outbox.to(to);
            assertThat(messages).hasSize(1);
            MimeMessage message = messages.getFirst();
            assertThat(message.getAllRecipients()).hasSize(1);
            assertThat(message.getSubject()).startsWith("Test report");
            assertThat(message.getMessageID()).startsWith("<" + run.id() + ".");
            String csv = attachment(message);
            assertThat(csv).contains("n,label").contains("3,row 3");
        }
        assertThat(manager.get(editor, schedule.id())).satisfies(s -> {
            assertThat(s.runCount()).isEqualTo(1);
            assertThat(s.lastRunStatus()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(s.lastSucceededAt()).isNotNull();
            assertThat(s.nextRunAt()).isAfter(Instant.now());
        });
    }

    @Test
    void aCronEverySecondFiresOnItsOwnAndEachFireRunsOnce() {
        Schedule schedule = manager.create(
                        editor,
                        draft(reports.threeRows(team), new Cadence.Cron("* * * * * ?"), List.of(address("cron"))))
                .schedule();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> manager.runs(editor, schedule.id(), RunStatus.SUCCEEDED, 10, 0)
                                .total()
                        >= 2);
        manager.pause(editor, schedule.id());

        List<Run> runs = manager.runs(editor, schedule.id(), null, 200, 0).items();
        assertThat(runs).extracting(Run::trigger).contains(RunTrigger.SCHEDULED);
        assertThat(runs.stream().map(Run::nominalTime).distinct().count()).isEqualTo(runs.size());
        assertThat(manager.get(editor, schedule.id()).nextRunAt()).isNull();
    }

    @Test
    void anActiveScheduleWhoseFireWasLostGetsItBackFromTheAudit() {
        Schedule schedule = manager.create(
                        editor, draft(reports.threeRows(team), new Cadence.Daily(8, 0), List.of(address("audit"))))
                .schedule();
        jdbc.sql("UPDATE schedules SET next_run_at = NULL, fire_at = NULL WHERE id = ?")
                .param(schedule.id())
                .update();

        assertThat(audit.repair()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT fire_at FROM schedules WHERE id = ?")
                        .param(schedule.id())
                        .query(java.time.LocalDateTime.class)
                        .single())
                .isEqualTo(Db.utc(schedule.nextRunAt()));
        assertThat(manager.get(editor, schedule.id()).nextRunAt()).isEqualTo(schedule.nextRunAt());
    }

    @Test
    void aCadenceMoreFrequentThanTheReportTypeAllowsIsRejected() {
        String daily = reports.create(team, "SELECT 1 AS n FROM DUAL WHERE :period_end IS NOT NULL", "PT24H");

        assertThatThrownBy(
                        () -> manager.create(editor, draft(daily, new Cadence.Hourly(15), List.of(address("often")))))
                .isInstanceOfSatisfying(ScheduleException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field(), p -> p.messageKey())
                        .contains(org.assertj.core.groups.Tuple.tuple(
                                "cadence", "schedules.validation.cadence.tooFrequent")));
        assertThat(manager.create(editor, draft(daily, new Cadence.Daily(6, 0), List.of(address("daily"))))
                        .created())
                .isTrue();
    }

    @Test
    void theFlexibleWindowDelaysEachScheduleByItsOwnFixedOffset() {
        ScheduleDraft d = draft(reports.threeRows(team), new Cadence.Daily(8, 0), List.of(address("flex")));
        Schedule schedule = manager.create(
                        editor, d.toBuilder().flexibleWindowMinutes(30).build())
                .schedule();

        java.time.LocalDateTime planned = jdbc.sql("SELECT fire_at FROM schedules WHERE id = ?")
                .param(schedule.id())
                .query(java.time.LocalDateTime.class)
                .single();
        Duration offset = Duration.between(schedule.nextRunAt(), planned.toInstant(java.time.ZoneOffset.UTC));

        assertThat(offset).isEqualTo(FirePlanner.flexibleOffset(schedule));
        assertThat(offset).isBetween(Duration.ZERO, Duration.ofMinutes(30).minusSeconds(1));
        assertThat(FirePlanner.flexibleOffset(manager.get(editor, schedule.id())))
                .isEqualTo(offset);
    }

    @Test
    void aRunPastItsTimeoutIsTimedOutAndItsQueryCancelled() {
        String slow = reports.create(team, "SELECT SLEEP(30) AS slept FROM DUAL WHERE :period_end IS NOT NULL", null);
        ScheduleDraft d = draft(slow, new Cadence.Daily(8, 0), List.of(address("slow")));
        Schedule schedule =
                manager.create(editor, d.toBuilder().timeoutSeconds(10).build()).schedule();

        long started = System.nanoTime();
        Run run = awaitFinal(manager.trigger(editor, schedule.id()).id());

        assertThat(run.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(run.errorCategory()).isEqualTo("timeout");
        assertThat(run.deliveries()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(29));
    }

    @Test
    void theSameFireSeenTwiceMakesOneRun() {
        Schedule schedule = manager.create(
                        editor, draft(reports.threeRows(team), new Cadence.Hourly(0), List.of(address("once"))))
                .schedule();
        Instant nominal = Instant.now().truncatedTo(ChronoUnit.HOURS);

        fires.fire(schedule.id(), nominal);
        fires.fire(schedule.id(), nominal);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM runs WHERE schedule_id = ? AND nominal_time = ?")
                        .params(schedule.id(), Db.utc(nominal))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void firesOlderThanTheCatchUpWindowAreMissedAndNewerOnesCatchUpOldestFirst() {
        ScheduleDraft d = draft(reports.threeRows(team), new Cadence.Hourly(0), List.of(address("late")));
        Schedule schedule = manager.create(
                        editor, d.toBuilder().catchupWindowMinutes(120).build())
                .schedule();
        Instant thisHour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant fiveHoursAgo = thisHour.minus(Duration.ofHours(5));

        Instant now = Instant.now();
        fires.fire(schedule.id(), fiveHoursAgo);

        Instant windowStart = now.minus(Duration.ofMinutes(120));
        List<Run> runs = manager.runs(editor, schedule.id(), null, 50, 0).items();
        for (int hoursAgo = 5; hoursAgo >= 0; hoursAgo--) {
            Instant fire = thisHour.minus(Duration.ofHours(hoursAgo));
            List<Run> ofFire =
                    runs.stream().filter(r -> r.nominalTime().equals(fire)).toList();
            assertThat(ofFire).as("runs of the fire %s", fire).hasSize(1);
            if (fire.isBefore(windowStart.minus(Duration.ofMinutes(1)))) {
                assertThat(ofFire.getFirst().status()).as("fire %s", fire).isEqualTo(RunStatus.MISSED);
            } else if (fire.isAfter(windowStart.plus(Duration.ofMinutes(1)))
                    && fire.isBefore(now.minus(Duration.ofMinutes(3)))) {
                assertThat(ofFire.getFirst().trigger()).as("fire %s", fire).isEqualTo(RunTrigger.CATCH_UP);
            }
        }
        UUID missed = runs.stream()
                .filter(r -> r.status() == RunStatus.MISSED)
                .findFirst()
                .orElseThrow()
                .id();
        Run backfill = awaitFinal(manager.backfill(editor, missed).id());
        assertThat(backfill.trigger()).isEqualTo(RunTrigger.BACKFILL);
        assertThat(backfill.status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void anEmptyResultWithSkipIfEmptySendsNothing() {
        String type = reports.create(team, "SELECT 1 AS n FROM DUAL WHERE :period_end IS NULL", null);
        String to = address("empty");
        ScheduleDraft d = draft(type, new Cadence.Daily(8, 0), List.of(to));
        Schedule schedule =
                manager.create(editor, d.toBuilder().skipIfEmpty(true).build()).schedule();

        Run run = awaitFinal(manager.trigger(editor, schedule.id()).id());

        assertThat(run.status()).isEqualTo(RunStatus.EMPTY);
        assertThat(run.deliveries()).isEmpty();
        assertThat(outbox.to(to)).isEmpty();
    }

    @Test
    void repeatedFailuresPauseTheScheduleAndTellTheOwner() throws Exception {
        String broken = reports.create(team, "SELECT * FROM no_such_table WHERE :period_end IS NOT NULL", null);
        ScheduleDraft d = draft(broken, new Cadence.Daily(8, 0), List.of(address("broken")));
        Schedule schedule = manager.create(
                        editor, d.toBuilder().pauseAfterFailures(2).build())
                .schedule();

        Run first = awaitFinal(manager.trigger(editor, schedule.id()).id());
        assertThat(first.status()).isEqualTo(RunStatus.FAILED);
        assertThat(first.errorCategory()).isEqualTo("query");
        assertThat(manager.get(editor, schedule.id()).status()).isEqualTo(ScheduleStatus.ACTIVE);
        awaitFinal(manager.trigger(editor, schedule.id()).id());

        Schedule paused = manager.get(editor, schedule.id());
        assertThat(paused.status()).isEqualTo(ScheduleStatus.PAUSED);
        assertThat(paused.pausedReason()).contains("2 failed runs");
        assertThat(paused.nextRunAt()).isNull();
        assertThat(paused.consecutiveFailures()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !outbox.to(editor.email()).isEmpty());
        assertThat(outbox.to(editor.email()).getFirst().getSubject())
                .contains(schedule.name())
                .contains("paused");
    }

    @Test
    void anUnsubscribedAddressIsSuppressedFromThenOnAndMarkedInTheList() throws Exception {
        String stays = address("stays");
        String leaves = address("leaves");
        UUID list = recipientLists
                .create(
                        editor,
                        new RecipientListDraft(
                                team,
                                "List " + UUID.randomUUID(),
                                null,
                                List.of(new RecipientInput(stays, null), new RecipientInput(leaves, "Leaving Person"))))
                .id();
        ScheduleDraft d = draft(reports.threeRows(team), new Cadence.Daily(8, 0), List.of());
        Schedule schedule = manager.create(
                        editor, d.toBuilder().listIds(List.of(list)).build())
                .schedule();
        awaitFinal(manager.trigger(editor, schedule.id()).id());

        MimeMessage first = outbox.to(leaves).getFirst();
        assertThat(first.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String link = first.getHeader("List-Unsubscribe", null).replaceAll("[<>]", "");
        mvc.perform(post(java.net.URI.create(link).getPath())
                        .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());

        Run second = awaitFinal(manager.trigger(editor, schedule.id()).id());
        assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(second.deliveries())
                .extracting(d2 -> d2.email(), d2 -> d2.status())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(stays, DeliveryStatus.SENT),
                        org.assertj.core.groups.Tuple.tuple(leaves, DeliveryStatus.SUPPRESSED));
        assertThat(outbox.to(leaves)).hasSize(1);
        assertThat(outbox.to(stays)).hasSize(2);
        assertThat(recipientLists.get(editor, list).members())
                .filteredOn(m -> m.email().equals(leaves))
                .singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(RecipientStatus.UNSUBSCRIBED));
    }

    @Test
    void theHtmlFormatShowsItsRowsInTheEmailBody() throws Exception {
        String to = address("html");
        ScheduleDraft d = draft(reports.threeRows(team), new Cadence.Daily(8, 0), List.of(to));
        Schedule schedule = manager.create(
                        editor,
                        d.toBuilder()
                                .formats(List.of(ReportFormat.HTML, ReportFormat.CSV))
                                .build())
                .schedule();

        Run run = awaitFinal(manager.trigger(editor, schedule.id()).id());

        assertThat(run.artifacts())
                .extracting(a -> a.format())
                .containsExactlyInAnyOrder(ReportFormat.HTML, ReportFormat.CSV);
        MimeMessage message = outbox.to(to).getFirst();
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        message.writeTo(raw);
        assertThat(raw.toString(StandardCharsets.UTF_8)).contains("row 2");
    }

    @Test
    void aSignedLinkServesTheArtifactWithoutSignInAndAForgedOneIsNotFound() throws Exception {
        Schedule schedule = manager.create(
                        editor, draft(reports.threeRows(team), new Cadence.Daily(8, 0), List.of(address("link"))))
                .schedule();
        Run run = awaitFinal(manager.trigger(editor, schedule.id()).id());
        RunMail.Link link = links.link(run.id(), run.artifacts().getFirst());

        var started = mvc.perform(get(link.url().getPath()))
                .andExpect(request().asyncStarted())
                .andReturn();
        String body = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("3,row 3");
        mvc.perform(get(link.url().getPath() + "x")).andExpect(status().isNotFound());
        mvc.perform(get("/artifacts/" + run.id())).andExpect(status().isNotFound());
    }

    @Test
    void aFireWhileThePreviousRunIsStillGoingIsSkipped() {
        Schedule schedule = manager.create(
                        editor, draft(reports.threeRows(team), new Cadence.Hourly(0), List.of(address("skip"))))
                .schedule();
        Instant now = Instant.now();
        jdbc.sql("""
                        INSERT INTO runs (id, schedule_id, team_id, schedule_name, nominal_time, trigger_kind, attempt,
                            status, created_at, updated_at)
                        VALUES (?, ?, ?, 'x', ?, 'MANUAL', 1, 'RUNNING', ?, ?)""")
                .params(UUID.randomUUID(), schedule.id(), team, Db.utc(now.minusSeconds(60)), Db.utc(now), Db.utc(now))
                .update();

        Instant nominal = now.truncatedTo(ChronoUnit.MINUTES);
        fires.fire(schedule.id(), nominal);

        assertThat(manager.runs(editor, schedule.id(), RunStatus.SKIPPED, 10, 0).items())
                .singleElement()
                .satisfies(r -> assertThat(r.nominalTime()).isEqualTo(nominal));
        assertThat(schedule.overlapPolicy()).isEqualTo(OverlapPolicy.SKIP);
    }

    private static String attachment(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                    || (part.getFileName() != null && part.getFileName().endsWith(".csv"))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                part.getInputStream().transferTo(out);
                return out.toString(StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no attachment");
    }
}
