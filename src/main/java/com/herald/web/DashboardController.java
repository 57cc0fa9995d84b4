package com.herald.web;

import com.herald.delivery.MailTransport;
import com.herald.identity.HeraldUser;
import com.herald.identity.TeamAccess;
import com.herald.identity.TeamSummary;
import com.herald.scheduling.DashboardStats;
import com.herald.scheduling.DashboardStats.Day;
import com.herald.scheduling.DashboardStats.Overview;
import com.herald.scheduling.DashboardStats.Upcoming;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard (product.md §6): the next 24 hours on a timeline, recent failures, paused schedules and 30 days
 * of runs as SVG charts drawn on the server, each with a text alternative. Team members see their teams'
 * schedules; system admins see every team and may narrow to one.
 */
@Controller
class DashboardController {

    /** Fires listed under the timeline. */
    static final int NEXT_LISTED = 10;

    /** Chart geometry (SVG user units). */
    static final int CHART_WIDTH = 600;

    static final int CHART_HEIGHT = 120;
    static final int TIMELINE_WIDTH = 720;

    private final MailTransport mail;
    private final DashboardStats stats;
    private final TeamAccess access;

    DashboardController(MailTransport mail, DashboardStats stats, TeamAccess access) {
        this.mail = mail;
        this.stats = stats;
        this.access = access;
    }

    /** A fire as the page shows it: in the viewer's zone, placed on the timeline at {@code x}. */
    record Fire(Upcoming fire, ZonedDateTime local, double x) {}

    /** An hour mark of the timeline. */
    record Tick(double x, String label) {}

    /** One day's bars: volume (succeeded below failed, other on top) and success rate. */
    record Bar(
            Day day,
            double x,
            double width,
            double succeededY,
            double succeededHeight,
            double failedY,
            double failedHeight,
            double otherY,
            double otherHeight,
            double rateY,
            double rateHeight) {}

    @GetMapping("/")
    String dashboard(
            @AuthenticationPrincipal HeraldUser user, @RequestParam(required = false) String team, Model model) {
        ZoneId zone = zoneOf(user);
        Instant now = Instant.now();
        List<TeamSummary> teams = access.visibleTeams(user).stream()
                .sorted(Comparator.comparing(TeamSummary::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        UUID requested = parse(team);
        UUID teamId = requested != null && teams.stream().anyMatch(t -> t.id().equals(requested)) ? requested : null;
        Overview overview = stats.overview(user, teamId, zone, now);
        model.addAttribute("outbox", mail.isOutbox());
        model.addAttribute("overview", overview);
        model.addAttribute("teams", teams);
        model.addAttribute("teamId", teamId);
        model.addAttribute("zone", zone);
        model.addAttribute("now", now.atZone(zone));
        model.addAttribute("fires", fires(overview.upcoming(), zone, now));
        model.addAttribute(
                "nextFires",
                fires(overview.upcoming(), zone, now).stream()
                        .limit(NEXT_LISTED)
                        .toList());
        model.addAttribute("ticks", ticks(zone, now));
        model.addAttribute("bars", bars(overview.days()));
        model.addAttribute("maxVolume", maxVolume(overview.days()));
        model.addAttribute("chartWidth", CHART_WIDTH);
        model.addAttribute("chartHeight", CHART_HEIGHT);
        model.addAttribute("timelineWidth", TIMELINE_WIDTH);
        return "web/dashboard";
    }

    static ZoneId zoneOf(HeraldUser user) {
        try {
            return user.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(user.timeZone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static UUID parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static double timelineX(Instant at, Instant now) {
        double share = (double) Duration.between(now, at).toSeconds()
                / Duration.ofHours(24).toSeconds();
        return round(Math.max(0, Math.min(1, share)) * TIMELINE_WIDTH);
    }

    static List<Fire> fires(List<Upcoming> upcoming, ZoneId zone, Instant now) {
        return upcoming.stream()
                .map(u -> new Fire(u, u.at().atZone(zone), timelineX(u.at(), now)))
                .toList();
    }

    /** A mark every three hours, on the viewer's full hours. */
    static List<Tick> ticks(ZoneId zone, Instant now) {
        List<Tick> ticks = new ArrayList<>();
        ZonedDateTime local = now.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        while (local.getHour() % 3 != 0) {
            local = local.plusHours(1);
        }
        Instant end = now.plus(Duration.ofHours(24));
        while (local.toInstant().isBefore(end)) {
            ticks.add(new Tick(timelineX(local.toInstant(), now), "%02d:00".formatted(local.getHour())));
            local = local.plusHours(3);
        }
        return ticks;
    }

    static int maxVolume(List<Day> days) {
        return Math.max(1, days.stream().mapToInt(Day::total).max().orElse(0));
    }

    static List<Bar> bars(List<Day> days) {
        int max = maxVolume(days);
        double slot = (double) CHART_WIDTH / Math.max(1, days.size());
        double width = round(slot * 0.7);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            double x = round(i * slot + (slot - width) / 2);
            double succeeded = height(day.succeeded(), max);
            double failed = height(day.failed(), max);
            double other = height(day.other(), max);
            double succeededY = round(CHART_HEIGHT - succeeded);
            double failedY = round(succeededY - failed);
            double otherY = round(failedY - other);
            Integer rate = day.successRate();
            double rateHeight = rate == null ? 0 : round(rate / 100.0 * CHART_HEIGHT);
            bars.add(new Bar(
                    day,
                    x,
                    width,
                    succeededY,
                    succeeded,
                    failedY,
                    failed,
                    otherY,
                    other,
                    round(CHART_HEIGHT - rateHeight),
                    rateHeight));
        }
        return bars;
    }

    /** A bar's height; at least one unit for a count above zero, so that every run shows. */
    private static double height(int count, int max) {
        return count == 0 ? 0 : Math.max(1, round((double) count / max * CHART_HEIGHT));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
