package com.herald.scheduling.internal;

import com.herald.delivery.Unsubscribes;
import com.herald.recipients.Recipient;
import com.herald.recipients.RecipientLists;
import com.herald.reports.RenderedArtifact;
import com.herald.reports.ReportExecution;
import com.herald.reports.ReportFormat;
import com.herald.reports.ReportRun;
import com.herald.reports.ReportRunException;
import com.herald.scheduling.OverlapPolicy;
import com.herald.scheduling.Run;
import com.herald.scheduling.RunArtifact;
import com.herald.scheduling.RunStatus;
import com.herald.scheduling.Schedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * What a {@code report-run} execution does (product.md §3–§5): render the report once, store it, create one
 * delivery per recipient, send each that is not sent yet, then retry with backoff or finish the run. Every
 * step is recorded before the next, so an instance that dies mid-run leaves a run another instance completes
 * without re-sending what was sent.
 */
@Component
class RunExecutor {

    private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);

    /** How long a run waits for the schedule's previous run before looking again. */
    static final Duration OVERLAP_WAIT = Duration.ofSeconds(5);

    /** Rendering gets this long beyond the query timeout before it is abandoned. */
    static final Duration RENDER_GRACE = Duration.ofSeconds(30);

    private final ScheduleRepository schedules;
    private final RunRepository runs;
    private final ArtifactStore artifacts;
    private final ReportExecution execution;
    private final RecipientLists lists;
    private final RunMail mail;
    private final ArtifactLinks links;
    private final Unsubscribes unsubscribes;
    private final ScheduleOutcomes outcomes;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ExecutorService renderers = Executors.newVirtualThreadPerTaskExecutor();

    RunExecutor(
            ScheduleRepository schedules,
            RunRepository runs,
            ArtifactStore artifacts,
            ReportExecution execution,
            RecipientLists lists,
            RunMail mail,
            ArtifactLinks links,
            Unsubscribes unsubscribes,
            ScheduleOutcomes outcomes,
            TransactionTemplate tx,
            Clock clock) {
        this.schedules = schedules;
        this.runs = runs;
        this.artifacts = artifacts;
        this.execution = execution;
        this.lists = lists;
        this.mail = mail;
        this.links = links;
        this.unsubscribes = unsubscribes;
        this.outcomes = outcomes;
        this.tx = tx;
        this.clock = clock;
    }

    /** Works on the run; returns when to look at it again (a retry, a wait), or empty when it is done. */
    Optional<Instant> execute(UUID runId) {
        Start start = tx.execute(status -> begin(runId));
        if (start == null || start.later() != null) {
            return start == null ? Optional.empty() : Optional.of(start.later());
        }
        Run run = runs.findWithArtifacts(runId).orElseThrow();
        Schedule schedule = start.schedule();
        Path directory = tempDirectory();
        try {
            Map<ReportFormat, Path> files = new LinkedHashMap<>();
            List<RunArtifact> stored = run.artifacts();
            long rows;
            boolean rendered = stored.isEmpty();
            if (rendered) {
                Rendering rendering;
                try {
                    rendering = render(run, schedule, directory);
                } catch (ReportRunException e) {
                    return fail(run, schedule, e.category(), e.getMessage());
                } catch (RuntimeException e) {
                    log.error("Run {} failed while rendering", runId, e);
                    return fail(run, schedule, "internal", "Rendering failed: " + e.getMessage());
                }
                rows = rendering.rows();
                files.putAll(rendering.files());
                stored = rendering.artifacts();
                boolean skipped = rows == 0 && schedule.skipIfEmpty();
                List<RunRepository.Recipient> recipients = skipped ? List.of() : recipients(schedule);
                List<RunArtifact> made = stored;
                // the files, the row count and the delivery ledger commit together
                tx.executeWithoutResult(s -> {
                    Instant now = clock.instant();
                    for (RunArtifact a : made) {
                        artifacts.store(runId, a, files.get(a.format()), now);
                    }
                    runs.setRowCount(runId, rendering.rows());
                    runs.addDeliveries(runId, recipients, now);
                });
            } else {
                rows = run.rowCount() == null ? 0 : run.rowCount();
                for (RunArtifact a : stored) {
                    files.put(a.format(), artifacts.materialize(runId, a, directory));
                }
            }
            if (rows == 0 && schedule.skipIfEmpty()) {
                finish(run, schedule, RunStatus.EMPTY, null, null);
                return Optional.empty();
            }
            if (!rendered && !runs.hasDeliveries(runId)) {
                List<RunRepository.Recipient> recipients = recipients(schedule);
                tx.executeWithoutResult(s -> runs.addDeliveries(runId, recipients, clock.instant()));
            }
            send(run, schedule, stored, files, rows);
            return settle(run, schedule);
        } finally {
            FileSystemUtils.deleteRecursively(directory.toFile());
        }
    }

    private record Start(Schedule schedule, Instant later) {}

    private record Rendering(long rows, Map<ReportFormat, Path> files, List<RunArtifact> artifacts) {}

    private Start begin(UUID runId) {
        Optional<RunStatus> status = runs.lockStatus(runId);
        if (status.isEmpty() || status.get().isFinal()) {
            return null;
        }
        Run run = runs.findRow(runId).orElseThrow();
        Instant now = clock.instant();
        if (run.nextAttemptAt() != null && run.nextAttemptAt().isAfter(now)) {
            return new Start(null, run.nextAttemptAt());
        }
        Optional<Schedule> schedule = schedules.find(run.scheduleId());
        if (schedule.isEmpty()) {
            runs.finish(runId, RunStatus.FAILED, "internal", "The schedule was deleted before the run started", now);
            return null;
        }
        boolean waits = schedule.get().overlapPolicy() != OverlapPolicy.ALLOW
                && runs.mustWait(run.scheduleId(), runId, run.nominalTime());
        if (waits && status.get() == RunStatus.QUEUED) {
            return new Start(null, now.plus(OVERLAP_WAIT));
        }
        runs.markRunning(runId, now);
        return new Start(schedule.get(), null);
    }

    private Rendering render(Run run, Schedule schedule, Path directory) {
        Duration timeout = Duration.ofSeconds(schedule.timeoutSeconds());
        Future<Rendering> future = renderers.submit(() -> renderAll(run, schedule, directory, timeout));
        try {
            return future.get(timeout.plus(RENDER_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ReportRunException(
                    "timeout", "The report took longer than the timeout of " + schedule.timeoutSeconds() + " s", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ReportRunException("internal", "Interrupted while rendering", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ReportRunException("internal", String.valueOf(e.getCause()), e.getCause());
        }
    }

    private Rendering renderAll(Run run, Schedule schedule, Path directory, Duration timeout) {
        Map<ReportFormat, Path> files = new LinkedHashMap<>();
        List<RunArtifact> made = new ArrayList<>();
        long rows = 0;
        String baseName = Periods.fileBaseName(schedule, run);
        for (ReportFormat format : schedule.formats()) {
            ReportRun request = new ReportRun(
                    schedule.reportType(),
                    schedule.parameters(),
                    format,
                    run.nominalTime().atZone(schedule.timeZone()),
                    run.periodStart(),
                    run.periodEnd(),
                    schedule.reportTypeName(),
                    Periods.label(run.periodStart(), run.periodEnd(), schedule.timeZone()),
                    timeout);
            RenderedArtifact artifact = execution.render(request, directory);
            rows = artifact.result().rowCount();
            files.put(format, artifact.file());
            made.add(new RunArtifact(format.fileName(baseName), format, artifact.sizeBytes(), artifact.sha256()));
        }
        return new Rendering(rows, files, made);
    }

    private List<RunRepository.Recipient> recipients(Schedule schedule) {
        Map<String, RunRepository.Recipient> byAddress = new LinkedHashMap<>();
        Map<UUID, List<Recipient>> members = lists.membersOf(schedule.listIds());
        for (UUID listId : schedule.listIds()) {
            for (Recipient r : members.getOrDefault(listId, List.of())) {
                String key = r.email().toLowerCase(Locale.ROOT);
                RunRepository.Recipient candidate = new RunRepository.Recipient(r.email(), r.name(), !r.active());
                // an address active in one list is sent to, even when another list has it unsubscribed
                byAddress.merge(key, candidate, (a, b) -> a.suppressed() ? b : a);
            }
        }
        for (String email : schedule.emails()) {
            byAddress.putIfAbsent(email.toLowerCase(Locale.ROOT), new RunRepository.Recipient(email, null, false));
        }
        schedules
                .subscriberAddresses(schedule.id())
                .forEach((email, name) -> byAddress.putIfAbsent(
                        email.toLowerCase(Locale.ROOT), new RunRepository.Recipient(email, name, false)));
        return List.copyOf(byAddress.values());
    }

    private void send(Run run, Schedule schedule, List<RunArtifact> stored, Map<ReportFormat, Path> files, long rows) {
        List<RunMail.Attachment> attachments = new ArrayList<>();
        List<RunMail.Link> downloads = new ArrayList<>();
        for (RunArtifact a : stored) {
            if (links.attachable(a)) {
                attachments.add(new RunMail.Attachment(a.fileName(), a.format().contentType(), files.get(a.format())));
            } else {
                downloads.add(links.link(run.id(), a));
            }
        }
        String htmlTable = stored.stream()
                .filter(a -> a.format() == ReportFormat.HTML)
                .findFirst()
                .map(a -> HtmlTables.firstTable(files.get(a.format())))
                .orElse(null);
        String periodLabel = Periods.label(run.periodStart(), run.periodEnd(), schedule.timeZone());
        String subject = Periods.subject(schedule, periodLabel);
        for (RunRepository.Recipient recipient : runs.toSend(run.id())) {
            if (!runs.claim(run.id(), recipient.email(), clock.instant())) {
                continue;
            }
            try {
                String messageId = mail.send(new RunMail.Outgoing(
                        run.id(),
                        schedule.id(),
                        recipient.email(),
                        recipient.name(),
                        Locale.ENGLISH,
                        schedule.timeZone(),
                        subject,
                        schedule.reportTypeName(),
                        schedule.name(),
                        periodLabel,
                        rows,
                        htmlTable,
                        attachments,
                        downloads));
                runs.sent(run.id(), recipient.email(), messageId, clock.instant());
            } catch (RunMail.SendFailure e) {
                runs.failed(run.id(), recipient.email(), e.getMessage(), e.retryable, clock.instant());
            } catch (RuntimeException e) {
                log.warn("Sending run {} to a recipient failed", run.id(), e);
                runs.failed(run.id(), recipient.email(), String.valueOf(e.getMessage()), true, clock.instant());
            }
        }
    }

    private Optional<Instant> settle(Run run, Schedule schedule) {
        UUID runId = run.id();
        Run.DeliveryCounts counts = runs.counts(runId);
        if (counts.total() == 0 || counts.total() == counts.suppressed()) {
            finish(run, schedule, RunStatus.FAILED, "recipient", "The schedule has no active recipients");
            return Optional.empty();
        }
        if (counts.failed() == 0 && counts.pending() == 0) {
            finish(run, schedule, RunStatus.SUCCEEDED, null, null);
            return Optional.empty();
        }
        String error = runs.firstDeliveryError(runId).orElse("Some emails were not sent");
        boolean retryable = runs.hasRetryableFailures(runId) || counts.pending() > 0;
        if (retryable && run.attempt() <= schedule.maxRetries()) {
            return Optional.of(waitForRetry(run, schedule, "smtp", error));
        }
        finish(run, schedule, RunStatus.FAILED, retryable ? "smtp" : "recipient", error);
        return Optional.empty();
    }

    private Optional<Instant> fail(Run run, Schedule schedule, String category, String message) {
        boolean retryable = category.equals("data_source") || category.equals("internal");
        if (retryable && run.attempt() <= schedule.maxRetries()) {
            return Optional.of(waitForRetry(run, schedule, category, message));
        }
        RunStatus status = category.equals("timeout") ? RunStatus.TIMED_OUT : RunStatus.FAILED;
        finish(run, schedule, status, category, message);
        return Optional.empty();
    }

    private Instant waitForRetry(Run run, Schedule schedule, String category, String message) {
        long base = Math.max(1, schedule.retryBackoffSeconds());
        long backoff = Math.min(86_400, base << Math.min(20, Math.max(0, run.attempt() - 1)));
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, base / 2) + 1);
        Instant next = clock.instant().plusSeconds(backoff + jitter);
        tx.executeWithoutResult(s -> runs.waitForRetry(run.id(), category, message, next, clock.instant()));
        return next;
    }

    private void finish(Run run, Schedule schedule, RunStatus status, String category, String message) {
        tx.executeWithoutResult(s -> {
            Instant now = clock.instant();
            runs.finish(run.id(), status, category, message, now);
            outcomes.record(schedule.id(), status, message, now);
        });
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("herald-run-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
