package com.herald.delivery.web;

import com.herald.delivery.internal.UnsubscribeService;
import com.herald.delivery.internal.UnsubscribeService.Target;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The unsubscribe link of every report email, reached without signing in; the signed token is the
 * authority. GET only asks (link scanners and prefetchers follow links, and must not unsubscribe
 * anyone); POST records. Mail clients that offer RFC 8058 one-click POST {@code List-Unsubscribe=One-Click}
 * to the same URL without a CSRF token, so the portal's CSRF check skips this path.
 */
@Controller
class UnsubscribeController {

    private final UnsubscribeService unsubscribes;

    UnsubscribeController(UnsubscribeService unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @GetMapping("/unsubscribe/{token}")
    ModelAndView confirm(@PathVariable String token) {
        Optional<Target> target = unsubscribes.read(token);
        if (target.isEmpty()) {
            return invalid();
        }
        boolean done = unsubscribes.isUnsubscribed(
                target.get().scheduleId(), target.get().email());
        return page(target.get(), token, done);
    }

    /** The page's button (with a CSRF token) and one-click from a mail client (without): both answer 200. */
    @PostMapping("/unsubscribe/{token}")
    ModelAndView unsubscribe(@PathVariable String token) {
        Optional<Target> target = unsubscribes.read(token);
        if (target.isEmpty()) {
            return invalid();
        }
        unsubscribes.unsubscribe(target.get());
        return page(target.get(), token, true);
    }

    private static ModelAndView page(Target target, String token, boolean done) {
        ModelAndView page = new ModelAndView("delivery/unsubscribe");
        page.addObject("token", token);
        page.addObject("email", target.email());
        page.addObject("description", target.description().orElse(null));
        page.addObject("done", done);
        return page;
    }

    private static ModelAndView invalid() {
        return new ModelAndView("delivery/unsubscribe-invalid", HttpStatus.NOT_FOUND);
    }
}
