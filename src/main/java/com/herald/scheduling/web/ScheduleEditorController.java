package com.herald.scheduling.web;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamAccess;
import com.herald.identity.TeamSummary;
import com.herald.platform.InvalidRequest;
import com.herald.platform.Toast;
import com.herald.recipients.RecipientListManager;
import com.herald.recipients.RecipientListSummary;
import com.herald.reports.ReportFormat;
import com.herald.reports.ReportTypeInfo;
import com.herald.reports.ReportTypes;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.InvalidCadenceException;
import com.herald.scheduling.OverlapPolicy;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleException;
import com.herald.scheduling.ScheduleManager;
import com.herald.scheduling.SchedulePreview;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRedirectView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The schedule editor: create and edit with the cadence builder, the live preview of the next fire times, and
 * the parts that follow the team (its recipient lists) and the report type (its parameters).
 */
@Controller
class ScheduleEditorController {

    static final int PREVIEW_COUNT = 10;
    private static final String FORM = "form";
    private static final String PAGE = "schedules/form";
    static final List<String> ZONES =
            ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private final ScheduleManager schedules;
    private final TeamAccess access;
    private final ReportTypes reportTypes;
    private final RecipientListManager lists;
    private final MessageSource messages;
    private final ScheduleViews views;

    ScheduleEditorController(
            ScheduleManager schedules,
            TeamAccess access,
            ReportTypes reportTypes,
            RecipientListManager lists,
            MessageSource messages,
            ScheduleViews views) {
        this.schedules = schedules;
        this.access = access;
        this.reportTypes = reportTypes;
        this.lists = lists;
        this.messages = messages;
        this.views = views;
    }

    /** What the preview area shows: the description and fire times, or what keeps the cadence from reading. */
    record PreviewView(
            String description,
            List<SchedulePreview.Entry> entries,
            List<String> errors,
            ZoneId zone,
            ZoneId viewerZone) {

        boolean sameZone() {
            return zone != null && viewerZone != null && zone.equals(viewerZone);
        }

        public boolean isSameZone() {
            return sameZone();
        }
    }

    @GetMapping("/schedules/new")
    String newSchedule(
            @AuthenticationPrincipal HeraldUser user,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String reportType,
            Model model,
            Locale locale) {
        List<TeamSummary> editable = editableTeams(user);
        if (editable.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        String preselected = editable.size() == 1 ? editable.getFirst().id().toString() : team;
        ScheduleForm form = ScheduleForms.blank(user, preselected);
        if (reportType != null) {
            form.setReportType(reportType);
        }
        model.addAttribute(FORM, form);
        editorModel(user, form, null, model, locale);
        return PAGE;
    }

    @PostMapping("/schedules")
    ModelAndView create(
            @AuthenticationPrincipal HeraldUser user,
            @ModelAttribute(FORM) ScheduleForm form,
            BindingResult result,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        if (editableTeams(user).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        ScheduleForms.Conversion conversion = ScheduleForms.toDraft(form, user, null);
        List<InvalidRequest.Problem> problems = problems(user, conversion, null);
        if (problems.isEmpty()) {
            try {
                Schedule created = schedules.create(user, conversion.draft()).schedule();
                redirect.addFlashAttribute(
                        Toast.ATTRIBUTE,
                        Toast.success(
                                messages.getMessage("schedules.toast.created", new Object[] {created.name()}, locale)));
                return redirect(htmx, "/schedules/" + created.id());
            } catch (ScheduleException e) {
                problems = rejected(e, result);
            }
        }
        ScheduleForms.reject(problems, form, result);
        return new ModelAndView(formView(user, form, null, model, htmx, locale));
    }

    @GetMapping("/schedules/{id}/edit")
    String edit(@AuthenticationPrincipal HeraldUser user, @PathVariable String id, Model model, Locale locale) {
        Schedule schedule = manageable(user, id);
        ScheduleForm form = ScheduleForms.of(schedule, user);
        model.addAttribute(FORM, form);
        editorModel(user, form, schedule, model, locale);
        return PAGE;
    }

    @PostMapping("/schedules/{id}/edit")
    ModelAndView update(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable String id,
            @ModelAttribute(FORM) ScheduleForm form,
            BindingResult result,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        Schedule schedule = manageable(user, id);
        form.setTeamId(schedule.teamId().toString());
        ScheduleForms.Conversion conversion = ScheduleForms.toDraft(form, user, schedule);
        List<InvalidRequest.Problem> problems = problems(user, conversion, schedule.id());
        if (problems.isEmpty()) {
            try {
                Schedule saved = schedules.update(user, schedule.id(), conversion.draft(), form.getVersion());
                redirect.addFlashAttribute(
                        Toast.ATTRIBUTE,
                        Toast.success(
                                messages.getMessage("schedules.toast.saved", new Object[] {saved.name()}, locale)));
                return redirect(htmx, "/schedules/" + saved.id());
            } catch (ScheduleException e) {
                problems = rejected(e, result);
            }
        }
        ScheduleForms.reject(problems, form, result);
        return new ModelAndView(formView(user, form, schedule, model, htmx, locale));
    }

    /** The live preview of the cadence builder (fragment {@code preview}); errors there keep every input. */
    @PostMapping("/schedules/preview")
    String preview(
            @AuthenticationPrincipal HeraldUser user,
            @ModelAttribute(FORM) ScheduleForm form,
            Model model,
            Locale locale) {
        model.addAttribute("preview", preview(user, form, locale));
        return "schedules/form :: preview";
    }

    /** The parameter inputs of the chosen report type (fragment {@code parameters}), typed values kept by name. */
    @GetMapping("/schedules/editor/parameters")
    String parameters(@AuthenticationPrincipal HeraldUser user, @ModelAttribute(FORM) ScheduleForm form, Model model) {
        model.addAttribute("selectedType", selectedType(user, form));
        return "schedules/form :: parameters";
    }

    /** The recipient lists of the chosen team (fragment {@code lists}). */
    @GetMapping("/schedules/editor/lists")
    String lists(@AuthenticationPrincipal HeraldUser user, @ModelAttribute(FORM) ScheduleForm form, Model model) {
        model.addAttribute("teamLists", teamLists(user, form.getTeamId()));
        return "schedules/form :: lists";
    }

    // --- helpers

    /**
     * When the form itself found problems (a cadence that does not parse, a number that is none), the manager's
     * rules are asked too, so that every field says what is wrong at once; otherwise saving asks them.
     */
    private List<InvalidRequest.Problem> problems(
            HeraldUser user, ScheduleForms.Conversion conversion, UUID scheduleId) {
        if (conversion.problems().isEmpty()) {
            return List.of();
        }
        List<InvalidRequest.Problem> checked =
                schedules.check(user, ScheduleForms.withDefaults(conversion.draft(), user, reportTypes), scheduleId);
        return ScheduleForms.merge(conversion.problems(), checked);
    }

    /** The problems of a refused save; STALE and CONFLICT go on the form as a whole. */
    private static List<InvalidRequest.Problem> rejected(ScheduleException e, BindingResult result) {
        switch (e.kind()) {
            case INVALID -> {
                return e.problems();
            }
            case STALE -> result.reject("schedules.form.stale");
            case CONFLICT ->
                result.reject(
                        e.messageKey() == null ? "schedules.form.conflict" : e.messageKey(), e.args(), e.messageKey());
            default -> throw e;
        }
        return List.of();
    }

    private static ModelAndView redirect(HtmxRequest htmx, String path) {
        return new ModelAndView(htmx.isHtmxRequest() ? new HtmxRedirectView(path, true) : new RedirectView(path, true));
    }

    private String formView(
            HeraldUser user, ScheduleForm form, Schedule schedule, Model model, HtmxRequest htmx, Locale locale) {
        editorModel(user, form, schedule, model, locale);
        return htmx.isHtmxRequest() ? PAGE + " :: schedule-form" : PAGE;
    }

    private void editorModel(HeraldUser user, ScheduleForm form, Schedule schedule, Model model, Locale locale) {
        List<TeamSummary> editable = editableTeams(user);
        if (schedule != null && editable.stream().noneMatch(t -> t.id().equals(schedule.teamId()))) {
            editable = new ArrayList<>(editable);
            editable.add(new TeamSummary(schedule.teamId(), schedule.teamName(), null, null));
        }
        model.addAttribute("schedule", schedule);
        model.addAttribute("editableTeams", editable);
        model.addAttribute("reportTypes", reportTypes.usableBy(user, 500, 0));
        model.addAttribute("selectedType", selectedType(user, form));
        model.addAttribute("teamLists", teamLists(user, form.getTeamId()));
        model.addAttribute("zones", ZONES);
        model.addAttribute("weekdays", ScheduleForms.WEEKDAYS);
        model.addAttribute("frequencies", ScheduleForms.FREQUENCIES);
        model.addAttribute("allFormats", List.of(ReportFormat.values()));
        model.addAttribute("overlapPolicies", List.of(OverlapPolicy.values()));
        model.addAttribute("preview", preview(user, form, locale));
    }

    private ReportTypeInfo selectedType(HeraldUser user, ScheduleForm form) {
        if (ScheduleForms.blank(form.getReportType())) {
            return null;
        }
        return reportTypes.findUsable(user, form.getReportType().strip()).orElse(null);
    }

    private List<RecipientListSummary> teamLists(HeraldUser user, String teamId) {
        UUID team = ScheduleForms.uuid(teamId);
        if (team == null || !access.canView(user, team)) {
            return List.of();
        }
        return lists.search(user, team, "", RecipientListManager.MAX_MEMBERS, 0).items();
    }

    PreviewView preview(HeraldUser user, ScheduleForm form, Locale locale) {
        ZoneId viewer = ScheduleForms.zoneOf(user);
        List<String> errors = new ArrayList<>();
        Cadence cadence = null;
        try {
            cadence = ScheduleForms.cadence(form);
        } catch (InvalidCadenceException e) {
            ScheduleForms.cadenceProblems(e)
                    .forEach(p -> errors.add(
                            label(p.field(), form, locale) + ": " + message(p.messageKey(), locale, p.args())));
        }
        ZoneId zone = ScheduleForms.blank(form.getTimeZone()) ? viewer : ScheduleForms.zone(form.getTimeZone());
        if (zone == null) {
            errors.add(message("schedules.preview.zoneUnknown", locale, form.getTimeZone()));
        }
        List<InvalidRequest.Problem> bounds = new ArrayList<>();
        ZoneId inputZone = zone == null ? viewer : zone;
        Instant start = ScheduleForms.instant(form.getStartAt(), inputZone, "start_at", bounds);
        Instant end = ScheduleForms.instant(form.getEndAt(), inputZone, "end_at", bounds);
        bounds.forEach(p -> errors.add(label(p.field(), form, locale) + ": " + message(p.messageKey(), locale)));
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(message("schedules.preview.endBeforeStart", locale));
        }
        if (!errors.isEmpty() || cadence == null || zone == null) {
            return new PreviewView(null, List.of(), errors, zone, viewer);
        }
        SchedulePreview.Preview preview = SchedulePreview.preview(cadence, zone, start, end, PREVIEW_COUNT, viewer);
        return new PreviewView(views.cadence(cadence, zone), preview.fireTimes(), List.of(), zone, viewer);
    }

    private String label(String field, ScheduleForm form, Locale locale) {
        String property = ScheduleForms.property(field, form.getFrequency());
        return message("schedules.form." + (property == null ? "frequency" : property), locale);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private List<TeamSummary> editableTeams(HeraldUser user) {
        return access.visibleTeams(user).stream()
                .filter(t -> access.canEdit(user, t.id()))
                .collect(Collectors.toList());
    }

    private Schedule manageable(HeraldUser user, String id) {
        Schedule schedule = schedules.get(user, SchedulesController.parse(id));
        if (!schedules.canManage(user, schedule)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return schedule;
    }
}
