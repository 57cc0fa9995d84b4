package com.herald.scheduling.web;

import com.herald.identity.HeraldUser;
import com.herald.scheduling.RunPage;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleManager;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The run-history table of a schedule's page: one page of runs, newest first (fragment {@code runs}). */
@Component
class RunHistory {

    static final int PAGE_SIZE = 20;
    static final String FRAGMENT = "schedules/detail :: runs";

    /** A toast of an htmx answer, swapped in out of band (the layout shows {@code toast} on full pages only). */
    static final String HTMX_TOAST = "htmxToast";

    private final ScheduleManager schedules;

    RunHistory(ScheduleManager schedules) {
        this.schedules = schedules;
    }

    void addTo(Model model, HeraldUser user, Schedule schedule, int page) {
        RunPage first = schedules.runs(user, schedule.id(), null, PAGE_SIZE, 0);
        int pages = (int) Math.max(1, (first.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        RunPage runs =
                current == 1 ? first : schedules.runs(user, schedule.id(), null, PAGE_SIZE, (current - 1) * PAGE_SIZE);
        model.addAttribute("schedule", schedule);
        model.addAttribute("canManage", schedules.canManage(user, schedule));
        model.addAttribute("runs", runs.items());
        model.addAttribute("runTotal", runs.total());
        model.addAttribute("runPage", current);
        model.addAttribute("runPages", pages);
        model.addAttribute("viewerZone", ScheduleForms.zoneOf(user));
    }
}
