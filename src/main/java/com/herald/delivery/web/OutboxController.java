package com.herald.delivery.web;

import com.herald.delivery.OutboxMessage;
import com.herald.delivery.internal.OutboxRepository;
import com.herald.delivery.internal.ParsedMessage;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

@Controller
class OutboxController {

    static final int PAGE_SIZE = 25;

    private final OutboxRepository outbox;

    OutboxController(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/outbox")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        long total = outbox.count();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        model.addAttribute("messages", outbox.page(PAGE_SIZE, (current - 1) * PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "admin/outbox";
    }

    @GetMapping("/admin/outbox/{id}")
    String show(@PathVariable UUID id, Model model) {
        OutboxMessage message = outbox.find(id).orElseThrow(OutboxController::notFound);
        model.addAttribute("message", message);
        model.addAttribute("parsed", ParsedMessage.parse(outbox.raw(id).orElseThrow(OutboxController::notFound)));
        return "admin/outbox-message";
    }

    @GetMapping("/admin/outbox/{id}/eml")
    ResponseEntity<byte[]> download(@PathVariable UUID id) {
        byte[] raw = outbox.raw(id).orElseThrow(OutboxController::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("message/rfc822"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("herald-" + id + ".eml")
                                .build()
                                .toString())
                .body(raw);
    }

    /**
     * The HTML body, served on its own with a policy that allows the email's inline styles but no
     * script, and shown in a sandboxed frame of the message page.
     */
    @GetMapping("/admin/outbox/{id}/html")
    ResponseEntity<String> html(@PathVariable UUID id) {
        ParsedMessage parsed = ParsedMessage.parse(outbox.raw(id).orElseThrow(OutboxController::notFound));
        if (parsed.html() == null) {
            throw notFound();
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox")
                .header("X-Frame-Options", "SAMEORIGIN")
                .body(parsed.html());
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }
}
