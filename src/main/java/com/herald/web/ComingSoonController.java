package com.herald.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** Pages of product.md §6 whose issue has not landed yet: each says so instead of a 404. */
@Controller
class ComingSoonController {

    /** Path → message key of the page title; each entry leaves when its real page lands. */
    static final Map<String, String> PAGES = Map.of("/schedules", "nav.schedules");

    @GetMapping({"/schedules"})
    String comingSoon(HttpServletRequest request, Model model) {
        String titleKey = PAGES.get(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (titleKey == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("titleKey", titleKey);
        return "web/coming-soon";
    }
}
