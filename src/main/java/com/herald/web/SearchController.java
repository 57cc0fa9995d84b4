package com.herald.web;

import com.herald.identity.AccountService;
import com.herald.identity.HeraldUser;
import com.herald.identity.TeamAccess;
import com.herald.identity.TeamSummary;
import com.herald.identity.UserAccount;
import com.herald.recipients.RecipientListManager;
import com.herald.recipients.RecipientListPage;
import com.herald.recipients.RecipientListSummary;
import com.herald.reports.ReportTypeInfo;
import com.herald.reports.ReportTypes;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleManager;
import com.herald.scheduling.SchedulePage;
import com.herald.scheduling.ScheduleQuery;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The navbar's search over schedules, recipient lists, report types and (for system admins) users, each through
 * its module's own access rules: nothing of a team the user may not see. One URL: htmx gets the dropdown
 * ({@code web/search :: hits}), a plain request the full page.
 */
@Controller
class SearchController {

    /** Hits per kind in the dropdown. */
    static final int DROPDOWN = 5;

    /** Hits per kind on the full page. */
    static final int PAGE = 50;

    static final int MAX_QUERY = 100;

    private final ScheduleManager schedules;
    private final RecipientListManager lists;
    private final ReportTypes reportTypes;
    private final AccountService accounts;
    private final TeamAccess access;

    SearchController(
            ScheduleManager schedules,
            RecipientListManager lists,
            ReportTypes reportTypes,
            AccountService accounts,
            TeamAccess access) {
        this.schedules = schedules;
        this.lists = lists;
        this.reportTypes = reportTypes;
        this.accounts = accounts;
        this.access = access;
    }

    /** One result: what it is called, a line about it, where it lives. */
    record Hit(String label, String detail, String url) {}

    /** The hits of one kind; {@code more} when there are more than shown, then {@code allUrl} lists them. */
    record Group(String kind, List<Hit> hits, boolean more, String allUrl) {}

    @GetMapping("/search")
    String search(
            @AuthenticationPrincipal HeraldUser user,
            @RequestParam(required = false) String q,
            HtmxRequest htmx,
            Model model) {
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        boolean dropdown = htmx.isHtmxRequest();
        List<Group> groups = query.isEmpty() ? List.of() : groups(user, query, dropdown ? DROPDOWN : PAGE, dropdown);
        model.addAttribute("q", query);
        model.addAttribute("groups", groups);
        model.addAttribute(
                "total", groups.stream().mapToInt(g -> g.hits().size()).sum());
        model.addAttribute("pageUrl", url("/search", Map.of("q", query)));
        return dropdown ? "web/search :: hits" : "web/search";
    }

    private List<Group> groups(HeraldUser user, String query, int limit, boolean dropdown) {
        List<Group> groups = new ArrayList<>();
        Map<UUID, String> teamNames = access.visibleTeams(user).stream()
                .collect(Collectors.toMap(TeamSummary::id, TeamSummary::name, (a, b) -> a));

        SchedulePage found = schedules.search(
                user, new ScheduleQuery(null, null, null, null, null, query, ScheduleQuery.Sort.NAME, false), limit, 0);
        List<Hit> scheduleHits = new ArrayList<>();
        for (Schedule s : found.items()) {
            scheduleHits.add(new Hit(s.name(), s.teamName() + " · " + s.reportTypeName(), "/schedules/" + s.id()));
        }
        groups.add(new Group(
                "schedules",
                scheduleHits,
                found.total() > scheduleHits.size(),
                dropdown ? url("/search", Map.of("q", query)) : url("/schedules", Map.of("q", query, "owner", "all"))));

        RecipientListPage listPage = lists.search(user, null, query, limit, 0);
        List<Hit> listHits = new ArrayList<>();
        for (RecipientListSummary l : listPage.items()) {
            listHits.add(new Hit(l.name(), teamNames.getOrDefault(l.teamId(), ""), "/recipient-lists/" + l.id()));
        }
        groups.add(new Group(
                "lists",
                listHits,
                listPage.total() > listHits.size(),
                dropdown ? url("/search", Map.of("q", query)) : url("/recipient-lists", Map.of("q", query))));

        List<ReportTypeInfo> types = reportTypes.searchUsable(user, query, limit + 1);
        List<Hit> typeHits = new ArrayList<>();
        for (ReportTypeInfo t : types.subList(0, Math.min(limit, types.size()))) {
            typeHits.add(new Hit(t.name(), t.key(), "/report-types/" + t.key()));
        }
        groups.add(new Group("reportTypes", typeHits, types.size() > limit, url("/search", Map.of("q", query))));

        if (user.systemAdmin()) {
            List<UserAccount> users = accounts.search(query, limit, 0);
            List<Hit> userHits = new ArrayList<>();
            for (UserAccount u : users) {
                userHits.add(new Hit(u.displayName(), u.email(), "/admin/users/" + u.id()));
            }
            boolean more = users.size() == limit && accounts.count(query) > limit;
            groups.add(new Group(
                    "users",
                    userHits,
                    more,
                    dropdown ? url("/search", Map.of("q", query)) : url("/admin/users", Map.of("q", query))));
        }
        return groups.stream().filter(g -> !g.hits().isEmpty()).toList();
    }

    private static String url(String path, Map<String, String> params) {
        return path + "?"
                + params.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }
}
