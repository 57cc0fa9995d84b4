package com.herald.identity.web;

import com.herald.identity.AccountService;
import com.herald.identity.HeraldUser;
import com.herald.identity.UserAccount;
import com.herald.platform.Forms;
import com.herald.platform.InvalidRequest;
import com.herald.platform.NotFoundException;
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

/** Users, for system admins (/admin/** is limited to them by the security configuration). */
@Controller
class UsersController {

    static final int PAGE_SIZE = 25;

    private final AccountService accounts;
    private final MessageSource messages;

    UsersController(AccountService accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        long total = accounts.count(q);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        model.addAttribute("users", accounts.search(q, PAGE_SIZE, (current - 1) * PAGE_SIZE));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "identity/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        model.addAttribute("form", new PasswordForms.NewUser("", "", false, "UTC", "en"));
        return form(model);
    }

    private String form(Model model) {
        model.addAttribute("zones", ProfileController.ZONES);
        model.addAttribute("locales", AccountService.LOCALES);
        return "identity/user-form";
    }

    @PostMapping("/admin/users")
    String create(
            @AuthenticationPrincipal HeraldUser admin,
            @ModelAttribute("form") PasswordForms.NewUser form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        UserAccount created;
        try {
            created = accounts.create(
                    new AccountService.NewUser(
                            form.email(), form.name(), form.systemAdmin(), null, form.timeZone(), form.locale()),
                    admin.email(),
                    Forms.baseUrl());
        } catch (InvalidRequest e) {
            Forms.reject(result, e);
            return form(model);
        }
        redirect.addFlashAttribute(
                Toast.ATTRIBUTE,
                Toast.success(messages.getMessage("users.invited", new Object[] {created.email()}, locale)));
        return "redirect:/admin/users/" + created.id();
    }

    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable UUID id, Model model) {
        UserAccount user = accounts.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("user", user);
        model.addAttribute(
                "form",
                new PasswordForms.EditUser(
                        user.displayName(), user.systemAdmin(), user.enabled(), user.timeZone(), user.locale()));
        return form(model);
    }

    @PostMapping("/admin/users/{id}")
    String update(
            @AuthenticationPrincipal HeraldUser admin,
            @PathVariable UUID id,
            @ModelAttribute("form") PasswordForms.EditUser form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        UserAccount user = accounts.find(id).orElseThrow(NotFoundException::new);
        try {
            accounts.update(
                    id,
                    new AccountService.UserChanges(
                            form.name(), form.systemAdmin(), form.enabled(), form.timeZone(), form.locale()),
                    admin);
        } catch (InvalidRequest e) {
            Forms.reject(result, e);
            model.addAttribute("user", user);
            return form(model);
        }
        redirect.addFlashAttribute(Toast.ATTRIBUTE, Toast.success(messages.getMessage("users.saved", null, locale)));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/reset-password")
    String sendReset(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
        UserAccount user = accounts.find(id).orElseThrow(NotFoundException::new);
        accounts.sendPasswordReset(id, Forms.baseUrl());
        redirect.addFlashAttribute(
                Toast.ATTRIBUTE,
                Toast.success(messages.getMessage("users.resetSent", new Object[] {user.email()}, locale)));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/revoke-sessions")
    String revokeSessions(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
        accounts.find(id).orElseThrow(NotFoundException::new);
        int revoked = accounts.revokeSessions(id);
        redirect.addFlashAttribute(
                Toast.ATTRIBUTE,
                Toast.success(messages.getMessage("users.sessionsRevoked", new Object[] {revoked}, locale)));
        return "redirect:/admin/users/" + id;
    }
}
