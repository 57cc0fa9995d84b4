package com.herald.identity.web;

import com.herald.identity.AccountService;
import com.herald.identity.ApiKeyService;
import com.herald.identity.HeraldUser;
import com.herald.identity.UserAccount;
import com.herald.platform.Forms;
import com.herald.platform.InvalidRequest;
import com.herald.platform.Toast;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My profile: name, time zone, language, password, and my API keys. */
@Controller
class ProfileController {

    static final Set<String> ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
            .toList());

    private final AccountService accounts;
    private final ApiKeyService keys;
    private final MessageSource messages;
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

    ProfileController(AccountService accounts, ApiKeyService keys, MessageSource messages) {
        this.accounts = accounts;
        this.keys = keys;
        this.messages = messages;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal HeraldUser user, Model model) {
        UserAccount account = accounts.find(user.id()).orElseThrow();
        model.addAttribute(
                "profile", new PasswordForms.Profile(account.displayName(), account.timeZone(), account.locale()));
        model.addAttribute("password", new PasswordForms.ChangePassword("", "", ""));
        model.addAttribute("newKey", new PasswordForms.NewApiKey("", true, false));
        return page(user, model);
    }

    private String page(HeraldUser user, Model model) {
        model.addAttribute("account", accounts.find(user.id()).orElseThrow());
        model.addAttribute("keys", keys.list(user));
        model.addAttribute("zones", ZONES);
        model.addAttribute("locales", AccountService.LOCALES);
        model.addAttribute("scopes", ApiKeyService.SCOPES);
        if (!model.containsAttribute("profile")) {
            UserAccount account = accounts.find(user.id()).orElseThrow();
            model.addAttribute(
                    "profile", new PasswordForms.Profile(account.displayName(), account.timeZone(), account.locale()));
        }
        if (!model.containsAttribute("password")) {
            model.addAttribute("password", new PasswordForms.ChangePassword("", "", ""));
        }
        if (!model.containsAttribute("newKey")) {
            model.addAttribute("newKey", new PasswordForms.NewApiKey("", true, false));
        }
        return "identity/profile";
    }

    @PostMapping("/profile")
    String updateProfile(
            @AuthenticationPrincipal HeraldUser user,
            @ModelAttribute("profile") PasswordForms.Profile form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        UserAccount updated;
        try {
            updated = accounts.updateProfile(user, form.name(), form.timeZone(), form.locale());
        } catch (InvalidRequest e) {
            Forms.reject(result, e);
            return page(user, model);
        }
        refreshSignedInUser(updated, request, response);
        redirect.addFlashAttribute(Toast.ATTRIBUTE, Toast.success(messages.getMessage("profile.saved", null, locale)));
        return "redirect:/profile";
    }

    /** The session keeps the signed-in user; a new name, zone or language shows at once, not at next sign-in. */
    private void refreshSignedInUser(UserAccount account, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof HeraldUser old)) {
            return;
        }
        HeraldUser fresh = new HeraldUser(
                old.id(),
                old.email(),
                account.displayName(),
                null,
                old.systemAdmin(),
                old.isEnabled(),
                !old.isAccountNonLocked(),
                account.timeZone(),
                account.locale());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(fresh, null, current.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
    }

    @PostMapping("/profile/password")
    String changePassword(
            @AuthenticationPrincipal HeraldUser user,
            @ModelAttribute("password") PasswordForms.ChangePassword form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        if (!Objects.equals(form.newPassword(), form.confirmation())) {
            result.rejectValue("confirmation", "validation.password.mismatch");
            return page(user, model);
        }
        try {
            accounts.changePassword(user, form.currentPassword(), form.newPassword());
        } catch (InvalidRequest e) {
            Forms.reject(result, e);
            return page(user, model);
        }
        redirect.addFlashAttribute(
                Toast.ATTRIBUTE, Toast.success(messages.getMessage("profile.passwordChanged", null, locale)));
        return "redirect:/profile";
    }

    @PostMapping("/profile/api-keys")
    String createKey(
            @AuthenticationPrincipal HeraldUser user,
            @ModelAttribute("newKey") PasswordForms.NewApiKey form,
            BindingResult result,
            Model model,
            Locale locale) {
        Set<String> scopes = new LinkedHashSet<>();
        if (form.read()) {
            scopes.add("read");
        }
        if (form.write()) {
            scopes.add("write");
        }
        try {
            ApiKeyService.CreatedKey created = keys.create(user, null, form.name(), scopes);
            model.addAttribute("createdKey", created);
            model.addAttribute(
                    Toast.ATTRIBUTE,
                    Toast.success(messages.getMessage("profile.toast.keyCreated", new Object[] {form.name()}, locale)));
            model.addAttribute("newKey", new PasswordForms.NewApiKey("", true, false));
        } catch (InvalidRequest e) {
            Forms.reject(result, e);
        }
        return page(user, model);
    }

    @PostMapping("/profile/api-keys/{id}/revoke")
    String revokeKey(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable UUID id,
            RedirectAttributes redirect,
            Locale locale) {
        keys.revoke(user, id);
        redirect.addFlashAttribute(
                Toast.ATTRIBUTE, Toast.success(messages.getMessage("profile.keyRevoked", null, locale)));
        return "redirect:/profile";
    }
}
