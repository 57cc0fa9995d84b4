package com.herald.scheduling.web;

import com.herald.identity.HeraldUser;
import com.herald.platform.Toast;
import com.herald.reports.ReportFormat;
import com.herald.scheduling.Run;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleException;
import com.herald.scheduling.ScheduleManager;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.io.InputStream;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A run's page with its deliveries, the artifact download, and backfill / retry of a run. */
@Controller
class RunsController {

    private final ScheduleManager schedules;
    private final RunHistory history;
    private final MessageSource messages;

    RunsController(ScheduleManager schedules, RunHistory history, MessageSource messages) {
        this.schedules = schedules;
        this.history = history;
        this.messages = messages;
    }

    /**
     * The run's page; for htmx the fragment its target names: {@code run} (the page's live part) or the run's row
     * of a schedule's history ({@code run-<id>}), which polls this URL while the run is not final.
     */
    @GetMapping("/runs/{id}")
    String run(@AuthenticationPrincipal HeraldUser user, @PathVariable String id, HtmxRequest htmx, Model model) {
        Run run = schedules.run(user, SchedulesController.parse(id));
        model.addAttribute("run", run);
        model.addAttribute("canManage", canManage(user, run));
        model.addAttribute("viewerZone", ScheduleForms.zoneOf(user));
        if (htmx.isHtmxRequest() && ("run-" + run.id()).equals(htmx.getTarget())) {
            model.addAttribute("r", run);
            return "schedules/run-row :: run-row";
        }
        if (htmx.isHtmxRequest() && "run".equals(htmx.getTarget())) {
            return "schedules/run :: run";
        }
        return "schedules/run";
    }

    @GetMapping("/runs/{id}/artifact")
    ResponseEntity<StreamingResponseBody> artifact(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable String id,
            @RequestParam(required = false) String format) {
        ReportFormat wanted = null;
        if (format != null && !format.isBlank()) {
            wanted = ReportFormat.parse(format).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return download(schedules.artifact(user, SchedulesController.parse(id), wanted));
    }

    /** The link an email carries instead of an attachment that was too large; no sign-in needed. */
    @GetMapping("/artifacts/{token}")
    ResponseEntity<StreamingResponseBody> linkedArtifact(@PathVariable String token) {
        return download(schedules.linkedArtifact(token));
    }

    private static ResponseEntity<StreamingResponseBody> download(ScheduleManager.ArtifactContent content) {
        StreamingResponseBody body = out -> {
            try (InputStream in = content.content()) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType(content.artifact().format().contentType()))
                .contentLength(content.artifact().sizeBytes())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.artifact().fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    /** Runs a missed fire now; htmx gets the schedule's run history with the new run on top. */
    @PostMapping("/runs/{id}/backfill")
    String backfill(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable String id,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        Run run = schedules.backfill(user, SchedulesController.parse(id));
        return afterAction(user, run, "schedules.toast.backfilled", htmx, model, redirect, locale);
    }

    /** Sends a finished run again to the recipients not yet delivered. */
    @PostMapping("/runs/{id}/retry")
    String retry(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable String id,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        UUID runId = SchedulesController.parse(id);
        Run run;
        try {
            run = schedules.retry(user, runId);
        } catch (ScheduleException e) {
            if (e.kind() != ScheduleException.Kind.CONFLICT) {
                throw e;
            }
            Toast toast = Toast.error(messages.getMessage(
                    e.messageKey() == null ? "schedules.toast.retryRefused" : e.messageKey(), e.args(), locale));
            Run current = schedules.run(user, runId);
            if (htmx.isHtmxRequest() && "runs".equals(htmx.getTarget())) {
                history.addTo(model, user, schedules.get(user, current.scheduleId()), 1);
                model.addAttribute(RunHistory.HTMX_TOAST, toast);
                return RunHistory.FRAGMENT;
            }
            redirect.addFlashAttribute(Toast.ATTRIBUTE, toast);
            return "redirect:/runs/" + runId;
        }
        return afterAction(user, run, "schedules.toast.retried", htmx, model, redirect, locale);
    }

    private String afterAction(
            HeraldUser user,
            Run run,
            String key,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        Toast toast = Toast.success(messages.getMessage(key, new Object[] {run.scheduleName()}, locale));
        if (htmx.isHtmxRequest() && "runs".equals(htmx.getTarget())) {
            history.addTo(model, user, schedules.get(user, run.scheduleId()), 1);
            model.addAttribute(RunHistory.HTMX_TOAST, toast);
            return RunHistory.FRAGMENT;
        }
        redirect.addFlashAttribute(Toast.ATTRIBUTE, toast);
        return "redirect:/runs/" + run.id();
    }

    /** Whether the user may backfill or retry: they manage the schedule (false once it is deleted). */
    private boolean canManage(HeraldUser user, Run run) {
        try {
            Schedule schedule = schedules.get(user, run.scheduleId());
            return schedules.canManage(user, schedule);
        } catch (ScheduleException e) {
            return false;
        }
    }
}
