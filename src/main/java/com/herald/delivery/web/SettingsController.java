package com.herald.delivery.web;

import com.herald.delivery.DeliveryFailure;
import com.herald.delivery.MailTransport;
import com.herald.delivery.internal.TestEmailService;
import com.herald.identity.HeraldUser;
import com.herald.platform.Toast;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Valid;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class SettingsController {

    private static final Logger log = LoggerFactory.getLogger(SettingsController.class);

    private final MailTransport transport;
    private final TestEmailService testEmail;
    private final MessageSource messages;

    SettingsController(MailTransport transport, TestEmailService testEmail, MessageSource messages) {
        this.transport = transport;
        this.testEmail = testEmail;
        this.messages = messages;
    }

    @ModelAttribute
    void mailSettings(Model model) {
        model.addAttribute("outbox", transport.isOutbox());
        model.addAttribute("destination", transport.destination());
    }

    @GetMapping("/admin/settings")
    String settings(@AuthenticationPrincipal HeraldUser user, Model model) {
        model.addAttribute("testEmail", new TestEmailForm(user.email()));
        return "admin/settings";
    }

    @PostMapping("/admin/settings/test-email")
    String sendTestEmail(
            @Valid @ModelAttribute("testEmail") TestEmailForm form,
            BindingResult result,
            @AuthenticationPrincipal HeraldUser user,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        String view = htmx.isHtmxRequest() ? "admin/settings :: test-email" : "admin/settings";
        if (result.hasErrors()) {
            return view;
        }
        Toast toast;
        try {
            testEmail.send(form.recipient().trim(), user.email(), locale);
            toast = Toast.success(messages.getMessage(
                    transport.isOutbox() ? "settings.testEmail.storedInOutbox" : "settings.testEmail.sent",
                    new Object[] {form.recipient().trim()},
                    locale));
        } catch (DeliveryFailure e) {
            log.warn("Test email to {} failed: {}", form.recipient(), e.getMessage());
            toast = Toast.error(
                    messages.getMessage("settings.testEmail.failed", new Object[] {transport.destination()}, locale));
        }
        if (!htmx.isHtmxRequest()) {
            redirect.addFlashAttribute(Toast.ATTRIBUTE, toast);
            return "redirect:/admin/settings";
        }
        model.addAttribute(Toast.ATTRIBUTE, toast);
        return view;
    }
}
