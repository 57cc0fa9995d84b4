package com.herald.reports.web;

import com.herald.identity.AuditEvent;
import com.herald.identity.AuditLog;
import com.herald.platform.Toast;
import com.herald.reports.internal.DataSourceAdmin;
import com.herald.reports.internal.DataSourceRecord;
import com.herald.reports.internal.DataSourceRepository;
import com.herald.reports.internal.QueryFailure;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRedirectView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/** Data sources, for system administrators only (the security chain guards /admin/**). */
@Controller
class DataSourcesController {

    private final AuditLog audit;

    private final DataSourceRepository repository;
    private final DataSourceAdmin admin;
    private final MessageSource messages;

    DataSourcesController(
            DataSourceRepository repository, DataSourceAdmin admin, MessageSource messages, AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.admin = admin;
        this.messages = messages;
    }

    @GetMapping("/admin/data-sources")
    String list(Model model) {
        model.addAttribute("sources", repository.all());
        return "reports/data-sources";
    }

    @GetMapping("/admin/data-sources/new")
    String newForm(Model model) {
        model.addAttribute("form", DataSourceForm.empty());
        return "reports/data-source";
    }

    @GetMapping("/admin/data-sources/{id}")
    String edit(@PathVariable UUID id, Model model) {
        DataSourceRecord source = repository.find(id).orElseThrow(DataSourcesController::notFound);
        model.addAttribute("source", source);
        model.addAttribute(
                "form",
                new DataSourceForm(
                        source.name(),
                        source.jdbcUrl(),
                        source.username(),
                        "",
                        source.readOnly(),
                        source.maxRows(),
                        source.statementTimeoutSeconds()));
        return "reports/data-source";
    }

    @PostMapping("/admin/data-sources")
    String create(
            @Valid @ModelAttribute("form") DataSourceForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        if (!result.hasFieldErrors("name") && repository.nameTaken(form.name().strip(), null)) {
            result.rejectValue("name", "datasources.validation.nameTaken");
        }
        if (result.hasErrors()) {
            return "reports/data-source";
        }
        admin.create(
                form.name(),
                form.jdbcUrl(),
                form.username(),
                form.password(),
                form.readOnlyChecked(),
                form.maxRows(),
                form.statementTimeoutSeconds());
        redirect.addFlashAttribute(
                Toast.ATTRIBUTE,
                Toast.success(messages.getMessage(
                        "datasources.created", new Object[] {form.name().strip()}, locale)));
        return "redirect:/admin/data-sources";
    }

    @PostMapping("/admin/data-sources/{id}")
    String update(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") DataSourceForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        DataSourceRecord source = repository.find(id).orElseThrow(DataSourcesController::notFound);
        if (source.builtin() != null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        model.addAttribute("source", source);
        if (!result.hasFieldErrors("name") && repository.nameTaken(form.name().strip(), id)) {
            result.rejectValue("name", "datasources.validation.nameTaken");
        }
        if (result.hasErrors()) {
            return "reports/data-source";
        }
        admin.update(
                id,
                form.name(),
                form.jdbcUrl(),
                form.username(),
                form.password(),
                form.readOnlyChecked(),
                form.maxRows(),
                form.statementTimeoutSeconds());
        redirect.addFlashAttribute(
                Toast.ATTRIBUTE,
                Toast.success(messages.getMessage(
                        "datasources.saved", new Object[] {form.name().strip()}, locale)));
        return "redirect:/admin/data-sources";
    }

    @PostMapping("/admin/data-sources/{id}/delete")
    View delete(@PathVariable UUID id, RedirectAttributes redirect, HtmxRequest htmx, Locale locale) {
        DataSourceRecord source = repository.find(id).orElseThrow(DataSourcesController::notFound);
        Toast toast;
        if (source.builtin() != null) {
            toast = Toast.error(messages.getMessage("datasources.delete.builtin", null, locale));
        } else if (repository.usageCount(id) > 0) {
            toast = Toast.error(messages.getMessage(
                    "datasources.delete.inUse", new Object[] {source.name(), repository.usageCount(id)}, locale));
        } else {
            repository.delete(id);
            audit.record(AuditEvent.of("data_source.deleted", "data_source", id, source.name()));
            toast = Toast.success(messages.getMessage("datasources.deleted", new Object[] {source.name()}, locale));
        }
        redirect.addFlashAttribute(Toast.ATTRIBUTE, toast);
        // htmx (after hx-confirm) gets HX-Redirect, so the whole page reloads with the toast
        return htmx.isHtmxRequest()
                ? new HtmxRedirectView("/admin/data-sources", true)
                : new RedirectView("/admin/data-sources", true);
    }

    /** Tests the settings as typed in the form (htmx), or a stored data source (plain POST from the list). */
    @PostMapping("/admin/data-sources/test")
    String test(
            @ModelAttribute("form") DataSourceForm form,
            @RequestParam(required = false) UUID id,
            HtmxRequest htmx,
            Model model) {
        DataSourceRecord stored = id == null ? null : repository.find(id).orElse(null);
        String error = null;
        try {
            if (stored != null && stored.builtin() != null) {
                admin.test(stored);
            } else {
                admin.test(stored == null ? null : stored.id(), form.jdbcUrl(), form.username(), form.password());
            }
        } catch (QueryFailure e) {
            error = e.getMessage();
        }
        model.addAttribute("testOk", error == null);
        model.addAttribute("testMessage", error);
        if (htmx.isHtmxRequest()) {
            return "reports/data-source :: connection-result";
        }
        model.addAttribute("source", stored);
        if (stored != null && stored.builtin() != null) {
            model.addAttribute(
                    "form",
                    new DataSourceForm(
                            stored.name(),
                            stored.jdbcUrl(),
                            stored.username(),
                            "",
                            stored.readOnly(),
                            stored.maxRows(),
                            stored.statementTimeoutSeconds()));
        }
        return "reports/data-source";
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
