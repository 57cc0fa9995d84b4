package com.herald.web;

import com.herald.delivery.MailTransport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    private final MailTransport mail;

    DashboardController(MailTransport mail) {
        this.mail = mail;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        model.addAttribute("outbox", mail.isOutbox());
        return "web/dashboard";
    }
}
