package com.herald.identity.web;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamAccess;
import com.herald.identity.TeamRole;
import com.herald.identity.TeamSummary;
import com.herald.identity.internal.AuditQuery;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log: system admins see everything, team admins the events of their teams. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditQuery audit;
    private final TeamAccess access;

    AuditController(AuditQuery audit, TeamAccess access) {
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/audit")
    String audit(
            @AuthenticationPrincipal HeraldUser user,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        List<TeamSummary> adminTeams = access.visibleTeams(user).stream()
                .filter(t -> user.systemAdmin() || t.role() == TeamRole.TEAM_ADMIN)
                .toList();
        if (!user.systemAdmin() && adminTeams.isEmpty()) {
            throw new AccessDeniedException("no team to audit");
        }
        List<UUID> scope = user.systemAdmin()
                ? null
                : adminTeams.stream().map(TeamSummary::id).toList();
        ZoneId zone = ZoneId.of(user.timeZone());
        AuditQuery.Filter filter =
                new AuditQuery.Filter(action, actor, uuid(team), day(from, zone, 0), day(to, zone, 1));
        long total = audit.count(filter, scope);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        model.addAttribute("entries", audit.page(filter, scope, PAGE_SIZE, (current - 1) * PAGE_SIZE));
        model.addAttribute("teams", adminTeams);
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("filterAction", action == null ? "" : action);
        model.addAttribute("filterActor", actor == null ? "" : actor);
        model.addAttribute("filterTeam", team == null ? "" : team);
        model.addAttribute("filterFrom", from == null ? "" : from);
        model.addAttribute("filterTo", to == null ? "" : to);
        return "identity/audit";
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static java.time.Instant day(String value, ZoneId zone, int plusDays) {
        try {
            return value == null || value.isBlank()
                    ? null
                    : LocalDate.parse(value)
                            .plusDays(plusDays)
                            .atStartOfDay(zone)
                            .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
