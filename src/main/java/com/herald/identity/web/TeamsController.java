package com.herald.identity.web;

import com.herald.identity.HeraldUser;
import com.herald.identity.Team;
import com.herald.identity.TeamRole;
import com.herald.identity.TeamService;
import com.herald.platform.Forms;
import com.herald.platform.InvalidRequest;
import com.herald.platform.Toast;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Teams and members: everyone sees their teams, team admins manage members, system admins manage teams. */
@Controller
class TeamsController {

    private final TeamService teams;
    private final MessageSource messages;

    TeamsController(TeamService teams, MessageSource messages) {
        this.teams = teams;
        this.messages = messages;
    }

    @GetMapping("/teams")
    String list(@AuthenticationPrincipal HeraldUser user, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("teams", teams.list(user, q, 200, 0));
        model.addAttribute("q", q == null ? "" : q);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PasswordForms.NewTeam(""));
        }
        return "identity/teams";
    }

    @PostMapping("/teams")
    String create(
            @AuthenticationPrincipal HeraldUser user,
            @ModelAttribute("form") PasswordForms.NewTeam form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        Team team;
        try {
            team = teams.create(user, form.name());
        } catch (InvalidRequest e) {
            Forms.reject(result, e);
            return list(user, null, model);
        }
        redirect.addFlashAttribute(
                Toast.ATTRIBUTE,
                Toast.success(messages.getMessage("teams.created", new Object[] {team.name()}, locale)));
        return "redirect:/teams/" + team.id();
    }

    @GetMapping("/teams/{id}")
    String show(@AuthenticationPrincipal HeraldUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("team", teams.get(user, id));
        model.addAttribute("members", teams.members(user, id));
        model.addAttribute("canAdminister", teams.canAdminister(user, id));
        model.addAttribute("roles", TeamRole.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PasswordForms.NewMember("", TeamRole.VIEWER.name()));
        }
        return "identity/team";
    }

    @PostMapping("/teams/{id}/members")
    String addMember(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable UUID id,
            @ModelAttribute("form") PasswordForms.NewMember form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            teams.putMember(user, id, form.email(), role(form.role()), Forms.baseUrl());
        } catch (InvalidRequest e) {
            Forms.reject(result, e);
            return show(user, id, model);
        }
        redirect.addFlashAttribute(
                Toast.ATTRIBUTE,
                Toast.success(messages.getMessage(
                        "teams.memberAdded", new Object[] {form.email().trim()}, locale)));
        return "redirect:/teams/" + id;
    }

    @PostMapping("/teams/{id}/members/{userId}")
    String changeRole(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable UUID id,
            @PathVariable UUID userId,
            @RequestParam String role,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            teams.changeRole(user, id, userId, role(role));
            redirect.addFlashAttribute(
                    Toast.ATTRIBUTE, Toast.success(messages.getMessage("teams.roleChanged", null, locale)));
        } catch (InvalidRequest e) {
            redirect.addFlashAttribute(
                    Toast.ATTRIBUTE,
                    Toast.error(messages.getMessage(e.problems().getFirst().messageKey(), null, locale)));
        }
        return "redirect:/teams/" + id;
    }

    @PostMapping("/teams/{id}/members/{userId}/remove")
    String removeMember(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable UUID id,
            @PathVariable UUID userId,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            teams.removeMember(user, id, userId);
            redirect.addFlashAttribute(
                    Toast.ATTRIBUTE, Toast.success(messages.getMessage("teams.memberRemoved", null, locale)));
        } catch (InvalidRequest e) {
            redirect.addFlashAttribute(
                    Toast.ATTRIBUTE,
                    Toast.error(messages.getMessage(e.problems().getFirst().messageKey(), null, locale)));
        }
        return "redirect:/teams/" + id;
    }

    @PostMapping("/teams/{id}/delete")
    String delete(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable UUID id,
            RedirectAttributes redirect,
            Locale locale) {
        Team team = teams.get(user, id);
        teams.delete(user, id);
        redirect.addFlashAttribute(
                Toast.ATTRIBUTE,
                Toast.success(messages.getMessage("teams.deleted", new Object[] {team.name()}, locale)));
        return "redirect:/teams";
    }

    private static TeamRole role(String value) {
        try {
            return value == null ? null : TeamRole.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("role", "validation.role.required");
        }
    }
}
