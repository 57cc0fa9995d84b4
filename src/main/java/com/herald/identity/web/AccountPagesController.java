package com.herald.identity.web;

import com.herald.identity.AccountService;
import com.herald.identity.UserAccount;
import com.herald.platform.Forms;
import com.herald.platform.InvalidRequest;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Pages reached without signing in: forgotten password, reset link, invitation link. */
@Controller
class AccountPagesController {

    private final AccountService accounts;

    AccountPagesController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/forgot-password")
    String forgotPassword(Model model) {
        model.addAttribute("form", new PasswordForms.ForgotPassword(""));
        return "identity/forgot-password";
    }

    /** The same answer whether or not the address has an account, so it reveals nothing. */
    @PostMapping("/forgot-password")
    String requestReset(@ModelAttribute("form") PasswordForms.ForgotPassword form, Model model) {
        if (form.email() != null && !form.email().isBlank() && form.email().length() <= 254) {
            accounts.requestPasswordReset(form.email(), Forms.baseUrl());
        }
        model.addAttribute("sent", true);
        return "identity/forgot-password";
    }

    @GetMapping("/reset-password/{token}")
    String resetForm(@PathVariable String token, Model model) {
        if (!accounts.resetTokenValid(token)) {
            return "identity/token-invalid";
        }
        model.addAttribute("form", new PasswordForms.NewPassword("", ""));
        model.addAttribute("token", token);
        return "identity/reset-password";
    }

    @PostMapping("/reset-password/{token}")
    String reset(
            @PathVariable String token,
            @ModelAttribute("form") PasswordForms.NewPassword form,
            BindingResult result,
            Model model) {
        if (!accounts.resetTokenValid(token)) {
            return "identity/token-invalid";
        }
        model.addAttribute("token", token);
        if (!Objects.equals(form.password(), form.confirmation())) {
            result.rejectValue("confirmation", "validation.password.mismatch");
            return "identity/reset-password";
        }
        try {
            accounts.resetPassword(token, form.password());
        } catch (InvalidRequest e) {
            Forms.reject(result, e);
            return "identity/reset-password";
        }
        return "redirect:/login?reset";
    }

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, Model model) {
        Optional<UserAccount> account = accounts.invitationFor(token);
        if (account.isEmpty()) {
            return "identity/token-invalid";
        }
        model.addAttribute("account", account.get());
        model.addAttribute("token", token);
        model.addAttribute("form", new PasswordForms.Invitation(account.get().displayName(), "", ""));
        return "identity/invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(
            @PathVariable String token,
            @ModelAttribute("form") PasswordForms.Invitation form,
            BindingResult result,
            Model model) {
        Optional<UserAccount> account = accounts.invitationFor(token);
        if (account.isEmpty()) {
            return "identity/token-invalid";
        }
        model.addAttribute("account", account.get());
        model.addAttribute("token", token);
        if (!Objects.equals(form.password(), form.confirmation())) {
            result.rejectValue("confirmation", "validation.password.mismatch");
            return "identity/invitation";
        }
        try {
            accounts.acceptInvitation(token, form.name(), form.password());
        } catch (InvalidRequest e) {
            Forms.reject(result, e);
            return "identity/invitation";
        }
        return "redirect:/login?welcome";
    }
}
