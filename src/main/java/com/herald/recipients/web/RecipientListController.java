package com.herald.recipients.web;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamAccess;
import com.herald.identity.TeamRole;
import com.herald.identity.TeamSummary;
import com.herald.platform.Toast;
import com.herald.recipients.RecipientList;
import com.herald.recipients.RecipientListDraft;
import com.herald.recipients.RecipientListException;
import com.herald.recipients.RecipientListManager;
import com.herald.recipients.RecipientListPage;
import com.herald.recipients.RecipientListProblem;
import com.herald.recipients.RecipientStatus;
import com.herald.recipients.internal.PastedAddresses;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRedirectView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/** The recipient-list pages: overview, detail, create, edit and delete (with confirmation). */
@Controller
class RecipientListController {

    static final int PAGE_SIZE = 25;
    private static final String FORM = "form";

    private final RecipientListManager lists;
    private final TeamAccess access;
    private final MessageSource messages;

    RecipientListController(RecipientListManager lists, TeamAccess access, MessageSource messages) {
        this.lists = lists;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/recipient-lists")
    String overview(
            @AuthenticationPrincipal HeraldUser user,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            HtmxRequest htmx,
            Model model) {
        List<TeamSummary> teams = access.visibleTeams(user);
        UUID teamId = parseId(team);
        String query = q == null ? "" : q.strip();
        RecipientListPage first = lists.search(user, teamId, query, PAGE_SIZE, 0);
        int pages = (int) Math.max(1, (first.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        RecipientListPage result =
                current == 1 ? first : lists.search(user, teamId, query, PAGE_SIZE, (current - 1) * PAGE_SIZE);
        model.addAttribute("lists", result.items());
        model.addAttribute("total", result.total());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("teams", teams);
        model.addAttribute("teamNames", teamNames(teams));
        model.addAttribute("team", teamId);
        model.addAttribute("q", query);
        model.addAttribute("filtered", teamId != null || !query.isEmpty());
        model.addAttribute("canCreate", !editableTeams(user, teams).isEmpty());
        if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) {
            return "recipients/lists :: results";
        }
        return "recipients/lists";
    }

    @GetMapping("/recipient-lists/new")
    String newList(@AuthenticationPrincipal HeraldUser user, @RequestParam(required = false) String team, Model model) {
        List<TeamSummary> editable = editableTeams(user, access.visibleTeams(user));
        if (editable.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        String preselected = editable.size() == 1 ? editable.getFirst().id().toString() : team;
        model.addAttribute(FORM, RecipientListForm.empty(preselected));
        return formPage(user, model, null);
    }

    @PostMapping("/recipient-lists")
    ModelAndView create(
            @AuthenticationPrincipal HeraldUser user,
            @ModelAttribute(FORM) RecipientListForm form,
            BindingResult result,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        if (editableTeams(user, access.visibleTeams(user)).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        PastedAddresses pasted = PastedAddresses.parse(form.members());
        UUID teamId = parseId(form.teamId());
        RecipientListDraft draft = new RecipientListDraft(teamId, form.name(), form.description(), pasted.members());
        List<RecipientListProblem> problems = new ArrayList<>(pasted.problems());
        problems.addAll(lists.check(user, pasted.ok() ? draft : withoutMembers(draft), true));
        if (teamId == null && form.teamId() != null && !form.teamId().isBlank()) {
            problems.removeIf(p -> p.field().equals("team_id"));
            problems.add(RecipientListProblem.of("team_id", "recipients.team.unknown"));
        }
        if (problems.isEmpty()) {
            try {
                RecipientList created = lists.create(user, draft);
                Toast toast = Toast.success(messages.getMessage(
                                "recipients.created",
                                new Object[] {created.name(), created.members().size()},
                                locale)
                        + duplicates(pasted, locale));
                redirect.addFlashAttribute(Toast.ATTRIBUTE, toast);
                return redirect(htmx, "/recipient-lists/" + created.id());
            } catch (RecipientListException e) {
                reject(e, result);
            }
        }
        problems.forEach(p -> reject(p, result));
        return new ModelAndView(formView(user, model, null, htmx));
    }

    @GetMapping("/recipient-lists/{id}")
    String detail(@AuthenticationPrincipal HeraldUser user, @PathVariable String id, Model model) {
        RecipientList list = get(user, id);
        Map<RecipientStatus, Long> counts = new EnumMap<>(RecipientStatus.class);
        for (RecipientStatus s : RecipientStatus.values()) {
            counts.put(s, 0L);
        }
        list.members().forEach(m -> counts.merge(m.status(), 1L, Long::sum));
        model.addAttribute("list", list);
        model.addAttribute("counts", counts);
        model.addAttribute("teamName", teamNames(access.visibleTeams(user)).get(list.teamId()));
        model.addAttribute("canEdit", access.canEdit(user, list.teamId()));
        return "recipients/detail";
    }

    @GetMapping("/recipient-lists/{id}/edit")
    String edit(@AuthenticationPrincipal HeraldUser user, @PathVariable String id, Model model) {
        RecipientList list = editable(user, id);
        String members = list.members().stream()
                .map(m -> PastedAddresses.format(m.email(), m.name()))
                .collect(Collectors.joining("\n"));
        model.addAttribute(
                FORM,
                new RecipientListForm(
                        list.teamId().toString(),
                        list.name(),
                        list.description() == null ? "" : list.description(),
                        members,
                        list.version()));
        return formPage(user, model, list);
    }

    @PostMapping("/recipient-lists/{id}/edit")
    ModelAndView update(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable String id,
            @ModelAttribute(FORM) RecipientListForm form,
            BindingResult result,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        RecipientList list = editable(user, id);
        PastedAddresses pasted = PastedAddresses.parse(form.members());
        RecipientListDraft draft =
                new RecipientListDraft(list.teamId(), form.name(), form.description(), pasted.members());
        List<RecipientListProblem> problems = new ArrayList<>(pasted.problems());
        problems.addAll(lists.check(user, pasted.ok() ? draft : withoutMembers(draft), false));
        if (problems.isEmpty()) {
            try {
                RecipientList saved = lists.update(user, list.id(), draft, form.version());
                Toast toast = Toast.success(messages.getMessage(
                                "recipients.saved",
                                new Object[] {saved.name(), saved.members().size()},
                                locale)
                        + duplicates(pasted, locale));
                redirect.addFlashAttribute(Toast.ATTRIBUTE, toast);
                return redirect(htmx, "/recipient-lists/" + saved.id());
            } catch (RecipientListException e) {
                reject(e, result);
            }
        }
        problems.forEach(p -> reject(p, result));
        return new ModelAndView(formView(user, model, list, htmx));
    }

    @GetMapping("/recipient-lists/{id}/delete")
    String confirmDelete(@AuthenticationPrincipal HeraldUser user, @PathVariable String id, Model model) {
        model.addAttribute("list", editable(user, id));
        return "recipients/delete";
    }

    @PostMapping("/recipient-lists/{id}/delete")
    String delete(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable String id,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        RecipientList list = editable(user, id);
        try {
            lists.delete(user, list.id());
        } catch (RecipientListException e) {
            if (e.kind() != RecipientListException.Kind.IN_USE) {
                throw portalError(e);
            }
            model.addAttribute("list", list);
            model.addAttribute("inUse", String.join(", ", e.scheduleNames()));
            return "recipients/delete";
        }
        redirect.addFlashAttribute(
                Toast.ATTRIBUTE,
                Toast.success(messages.getMessage("recipients.deleted", new Object[] {list.name()}, locale)));
        return "redirect:/recipient-lists";
    }

    // --- helpers

    /** After a save: a plain redirect, or for htmx an HX-Redirect so the browser loads the whole page. */
    private static ModelAndView redirect(HtmxRequest htmx, String path) {
        return new ModelAndView(htmx.isHtmxRequest() ? new HtmxRedirectView(path, true) : new RedirectView(path, true));
    }

    private String formView(HeraldUser user, Model model, RecipientList list, HtmxRequest htmx) {
        String page = formPage(user, model, list);
        return htmx.isHtmxRequest() ? page + " :: list-form" : page;
    }

    private String formPage(HeraldUser user, Model model, RecipientList list) {
        model.addAttribute("editableTeams", editableTeams(user, access.visibleTeams(user)));
        model.addAttribute("list", list);
        return "recipients/form";
    }

    private RecipientList get(HeraldUser user, String id) {
        UUID listId = parseId(id);
        if (listId == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            return lists.get(user, listId);
        } catch (RecipientListException e) {
            throw portalError(e);
        }
    }

    private RecipientList editable(HeraldUser user, String id) {
        RecipientList list = get(user, id);
        if (!access.canEdit(user, list.teamId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return list;
    }

    private static ResponseStatusException portalError(RecipientListException e) {
        return new ResponseStatusException(
                e.kind() == RecipientListException.Kind.FORBIDDEN ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND);
    }

    private static void reject(RecipientListException e, BindingResult result) {
        switch (e.kind()) {
            case INVALID -> e.problems().forEach(p -> reject(p, result));
            case DUPLICATE_NAME -> result.rejectValue("name", "recipients.name.duplicate");
            case STALE -> result.reject("recipients.stale");
            case FORBIDDEN -> result.rejectValue("teamId", "recipients.team.notEditable");
            default -> throw portalError(e);
        }
    }

    private static void reject(RecipientListProblem p, BindingResult result) {
        String field = p.field().equals("team_id") ? "teamId" : p.field().startsWith("members") ? "members" : p.field();
        result.rejectValue(field, p.code(), p.argsArray(), p.code());
    }

    private static RecipientListDraft withoutMembers(RecipientListDraft draft) {
        return new RecipientListDraft(draft.teamId(), draft.name(), draft.description(), null);
    }

    private String duplicates(PastedAddresses pasted, Locale locale) {
        if (pasted.duplicatesDropped() == 0) {
            return "";
        }
        return messages.getMessage("recipients.duplicatesDropped", new Object[] {pasted.duplicatesDropped()}, locale);
    }

    private static List<TeamSummary> editableTeams(HeraldUser user, List<TeamSummary> visible) {
        return visible.stream()
                .filter(t -> user.systemAdmin() || (t.role() != null && t.role().atLeast(TeamRole.EDITOR)))
                .toList();
    }

    private static Map<UUID, String> teamNames(List<TeamSummary> teams) {
        Map<UUID, String> names = new LinkedHashMap<>();
        teams.forEach(t -> names.put(t.id(), t.name()));
        return names;
    }

    private static UUID parseId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
