package com.herald.scheduling.web;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamAccess;
import com.herald.identity.TeamSummary;
import com.herald.platform.Toast;
import com.herald.recipients.RecipientList;
import com.herald.recipients.RecipientListException;
import com.herald.recipients.RecipientListManager;
import com.herald.recipients.RecipientStatus;
import com.herald.reports.ReportTypeInfo;
import com.herald.reports.ReportTypes;
import com.herald.scheduling.Run;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleException;
import com.herald.scheduling.ScheduleManager;
import com.herald.scheduling.SchedulePage;
import com.herald.scheduling.SchedulePreview;
import com.herald.scheduling.ScheduleQuery;
import com.herald.scheduling.ScheduleStatus;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The schedules list and a schedule's page: summary, actions, run history (product.md §6). */
@Controller
class SchedulesController {

    static final int PAGE_SIZE = 25;
    static final int NEXT_FIRES = 5;
    static final Map<String, ScheduleQuery.Sort> SORTS = Map.of(
            "name", ScheduleQuery.Sort.NAME,
            "next_run", ScheduleQuery.Sort.NEXT_RUN,
            "last_run", ScheduleQuery.Sort.LAST_RUN,
            "updated", ScheduleQuery.Sort.UPDATED);

    private final ScheduleManager schedules;
    private final TeamAccess access;
    private final ReportTypes reportTypes;
    private final RecipientListManager lists;
    private final RunHistory history;
    private final MessageSource messages;

    SchedulesController(
            ScheduleManager schedules,
            TeamAccess access,
            ReportTypes reportTypes,
            RecipientListManager lists,
            RunHistory history,
            MessageSource messages) {
        this.schedules = schedules;
        this.access = access;
        this.reportTypes = reportTypes;
        this.lists = lists;
        this.history = history;
        this.messages = messages;
    }

    /** A recipient list as the schedule page names it; {@code name} null when the list is gone. */
    record ListInfo(UUID id, String name, int members, int active) {}

    @GetMapping("/schedules")
    String list(
            @AuthenticationPrincipal HeraldUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "mine") String owner,
            @RequestParam(required = false) String reportType,
            @RequestParam(required = false) String team,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String dir,
            @RequestParam(defaultValue = "1") int page,
            HtmxRequest htmx,
            Model model) {
        List<TeamSummary> teams = access.visibleTeams(user);
        UUID teamId = ScheduleForms.uuid(team);
        String query = q == null ? "" : q.strip();
        ScheduleStatus statusFilter = ScheduleStatus.fromWire(status).orElse(null);
        boolean mine = !"all".equals(owner);
        String typeKey = ScheduleForms.blank(reportType) ? null : reportType.strip();
        String sortKey = SORTS.containsKey(sort) ? sort : "name";
        boolean descending = "desc".equals(dir);
        ScheduleQuery filter = new ScheduleQuery(
                teamId,
                mine ? user.id() : null,
                statusFilter,
                typeKey,
                null,
                query.isEmpty() ? null : query,
                SORTS.get(sortKey),
                descending);
        SchedulePage first = schedules.search(user, filter, PAGE_SIZE, 0);
        int pages = (int) Math.max(1, (first.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        SchedulePage result =
                current == 1 ? first : schedules.search(user, filter, PAGE_SIZE, (current - 1) * PAGE_SIZE);
        model.addAttribute("schedules", result.items());
        model.addAttribute("total", result.total());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("teams", teams);
        model.addAttribute("reportTypes", reportTypes.usableBy(user, 500, 0));
        model.addAttribute("team", teamId);
        model.addAttribute("q", query);
        model.addAttribute("status", statusFilter == null ? "" : statusFilter.wire());
        model.addAttribute("owner", mine ? "mine" : "all");
        model.addAttribute("reportType", typeKey == null ? "" : typeKey);
        model.addAttribute("sort", sortKey);
        model.addAttribute("dir", descending ? "desc" : "asc");
        model.addAttribute("filtered", teamId != null || !query.isEmpty() || statusFilter != null || typeKey != null);
        model.addAttribute("mine", mine);
        model.addAttribute("canCreate", teams.stream().anyMatch(t -> access.canEdit(user, t.id())));
        model.addAttribute("viewerZone", ScheduleForms.zoneOf(user));
        if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) {
            return "schedules/list :: results";
        }
        return "schedules/list";
    }

    @GetMapping("/schedules/{id}")
    String detail(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable String id,
            @RequestParam(defaultValue = "1") int page,
            HtmxRequest htmx,
            Model model) {
        Schedule schedule = get(user, id);
        history.addTo(model, user, schedule, page);
        if (htmx.isHtmxRequest() && "runs".equals(htmx.getTarget())) {
            return RunHistory.FRAGMENT;
        }
        ZoneId viewer = ScheduleForms.zoneOf(user);
        Instant now = Instant.now();
        List<SchedulePreview.Entry> next = schedule.status() == ScheduleStatus.ACTIVE && !schedule.ended(now)
                ? SchedulePreview.preview(
                                schedule.cadence(),
                                schedule.timeZone(),
                                schedule.startAt(),
                                schedule.endAt(),
                                NEXT_FIRES,
                                viewer)
                        .fireTimes()
                : List.of();
        model.addAttribute("nextFires", next);
        model.addAttribute("viewerZone", viewer);
        model.addAttribute("lists", listInfos(user, schedule));
        model.addAttribute("subscribed", schedule.subscribed(user.id()));
        return "schedules/detail";
    }

    @PostMapping("/schedules/{id}/pause")
    String pause(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable String id,
            RedirectAttributes redirect,
            Locale locale) {
        Schedule s = schedules.pause(user, parse(id));
        return back(s, "schedules.toast.paused", redirect, locale);
    }

    @PostMapping("/schedules/{id}/resume")
    String resume(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable String id,
            RedirectAttributes redirect,
            Locale locale) {
        Schedule s = schedules.resume(user, parse(id));
        return back(s, "schedules.toast.resumed", redirect, locale);
    }

    @PostMapping("/schedules/{id}/subscribe")
    String subscribe(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable String id,
            @RequestParam(defaultValue = "true") boolean subscribed,
            RedirectAttributes redirect,
            Locale locale) {
        Schedule s = schedules.subscribe(user, parse(id), subscribed);
        return back(s, subscribed ? "schedules.toast.subscribed" : "schedules.toast.unsubscribed", redirect, locale);
    }

    /** Run now: htmx gets the run history with the new run on top (it polls until final); a page, a redirect. */
    @PostMapping("/schedules/{id}/run")
    String runNow(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable String id,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        UUID scheduleId = parse(id);
        Run run = schedules.trigger(user, scheduleId);
        Toast toast = Toast.success(
                messages.getMessage("schedules.toast.triggered", new Object[] {run.scheduleName()}, locale));
        if (htmx.isHtmxRequest()) {
            history.addTo(model, user, schedules.get(user, scheduleId), 1);
            model.addAttribute(RunHistory.HTMX_TOAST, toast);
            return RunHistory.FRAGMENT;
        }
        redirect.addFlashAttribute(Toast.ATTRIBUTE, toast);
        return "redirect:/schedules/" + scheduleId;
    }

    @GetMapping("/schedules/{id}/delete")
    String confirmDelete(@AuthenticationPrincipal HeraldUser user, @PathVariable String id, Model model) {
        Schedule schedule = get(user, id);
        if (!schedules.canManage(user, schedule)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("schedule", schedule);
        return "schedules/delete";
    }

    @PostMapping("/schedules/{id}/delete")
    String delete(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable String id,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        Schedule schedule = get(user, id);
        try {
            schedules.delete(user, schedule.id(), version);
        } catch (ScheduleException e) {
            if (e.kind() != ScheduleException.Kind.STALE && e.kind() != ScheduleException.Kind.CONFLICT) {
                throw e;
            }
            model.addAttribute("schedule", get(user, id));
            model.addAttribute("refused", true);
            return "schedules/delete";
        }
        redirect.addFlashAttribute(
                Toast.ATTRIBUTE,
                Toast.success(messages.getMessage("schedules.toast.deleted", new Object[] {schedule.name()}, locale)));
        return "redirect:/schedules";
    }

    // --- helpers

    private String back(Schedule s, String key, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute(
                Toast.ATTRIBUTE, Toast.success(messages.getMessage(key, new Object[] {s.name()}, locale)));
        return "redirect:/schedules/" + s.id();
    }

    private List<ListInfo> listInfos(HeraldUser user, Schedule schedule) {
        List<ListInfo> infos = new ArrayList<>();
        for (UUID listId : schedule.listIds()) {
            ListInfo info;
            try {
                RecipientList list = lists.get(user, listId);
                int active = (int) list.members().stream()
                        .filter(m -> m.status() == RecipientStatus.ACTIVE)
                        .count();
                info = new ListInfo(list.id(), list.name(), list.members().size(), active);
            } catch (RecipientListException e) {
                info = new ListInfo(listId, null, 0, 0);
            }
            infos.add(info);
        }
        return infos;
    }

    private Schedule get(HeraldUser user, String id) {
        return schedules.get(user, parse(id));
    }

    static UUID parse(String id) {
        UUID value = ScheduleForms.uuid(id);
        if (value == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return value;
    }

    static ReportTypeInfo find(List<ReportTypeInfo> types, String key) {
        return types.stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
    }
}
