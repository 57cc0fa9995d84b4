package com.herald.reports.web;

import com.herald.identity.AuditEvent;
import com.herald.identity.AuditLog;
import com.herald.identity.HeraldUser;
import com.herald.identity.TeamAccess;
import com.herald.platform.Toast;
import com.herald.reports.ParameterDefinition;
import com.herald.reports.ParameterValues;
import com.herald.reports.ReportFormat;
import com.herald.reports.ReportTypeInfo;
import com.herald.reports.internal.DataSourceRecord;
import com.herald.reports.internal.DataSourceRepository;
import com.herald.reports.internal.ParameterLines;
import com.herald.reports.internal.PreviewResult;
import com.herald.reports.internal.QueryFailure;
import com.herald.reports.internal.ReportPreview;
import com.herald.reports.internal.ReportTypeRecord;
import com.herald.reports.internal.ReportTypeRepository;
import com.herald.reports.internal.SqlProblem;
import com.herald.reports.internal.SqlValidator;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRedirectView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Valid;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

/**
 * Report types: everyone sees those granted to their teams (a system admin sees all) and may preview them;
 * only system admins create, edit and delete them.
 */
@Controller
class ReportTypesController {

    private final AuditLog audit;

    static final String PARAM_PREFIX = "p_";

    private final ReportTypeRepository repository;
    private final DataSourceRepository sources;
    private final ReportPreview preview;
    private final TeamAccess teams;
    private final MessageSource messages;

    ReportTypesController(
            ReportTypeRepository repository,
            DataSourceRepository sources,
            ReportPreview preview,
            TeamAccess teams,
            MessageSource messages,
            AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.sources = sources;
        this.preview = preview;
        this.teams = teams;
        this.messages = messages;
    }

    @GetMapping("/report-types")
    String list(@AuthenticationPrincipal HeraldUser user, Model model) {
        model.addAttribute("types", repository.usableRecords(user, 1000, 0));
        model.addAttribute("sourceNames", sourceNames());
        return "reports/report-types";
    }

    @GetMapping("/report-types/new")
    String newForm(@AuthenticationPrincipal HeraldUser user, Model model) {
        requireAdmin(user);
        model.addAttribute("form", ReportTypeForm.empty());
        formModel(user, model);
        return "reports/report-type-form";
    }

    @PostMapping("/report-types")
    String create(
            @AuthenticationPrincipal HeraldUser user,
            @Valid @ModelAttribute("form") ReportTypeForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        requireAdmin(user);
        ReportTypeRecord record = validate(user, form, null, result, locale);
        if (result.hasErrors()) {
            formModel(user, model);
            return "reports/report-type-form";
        }
        UUID created = repository.create(record);
        audit.record(AuditEvent.of("report_type.created", "report_type", created, record.key())
                .withChanges(Map.of(), snapshot(record)));
        redirect.addFlashAttribute(
                Toast.ATTRIBUTE,
                Toast.success(messages.getMessage("reports.created", new Object[] {record.name()}, locale)));
        return "redirect:/report-types/" + record.key();
    }

    @GetMapping("/report-types/{key}")
    String show(@AuthenticationPrincipal HeraldUser user, @PathVariable String key, Model model) {
        ReportTypeRecord type = visible(user, key);
        showModel(user, type, model);
        model.addAttribute("values", defaults(type));
        return "reports/report-type";
    }

    @GetMapping("/report-types/{key}/edit")
    String edit(@AuthenticationPrincipal HeraldUser user, @PathVariable String key, Model model) {
        requireAdmin(user);
        ReportTypeRecord type = visible(user, key);
        model.addAttribute("type", type);
        model.addAttribute(
                "form",
                new ReportTypeForm(
                        type.key(),
                        type.name(),
                        type.description(),
                        type.dataSourceId(),
                        type.sql(),
                        ParameterLines.format(type.parameters()),
                        type.defaultFormat().wire(),
                        type.layout(),
                        type.minimumInterval() == null
                                ? ""
                                : type.minimumInterval().toString(),
                        List.copyOf(type.teamIds())));
        formModel(user, model);
        return "reports/report-type-form";
    }

    @PostMapping("/report-types/{key}")
    String update(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable String key,
            @Valid @ModelAttribute("form") ReportTypeForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        requireAdmin(user);
        ReportTypeRecord existing = visible(user, key);
        ReportTypeRecord record = validate(user, form, existing.id(), result, locale);
        if (result.hasErrors()) {
            model.addAttribute("type", existing);
            formModel(user, model);
            return "reports/report-type-form";
        }
        repository.update(existing.id(), record);
        audit.record(AuditEvent.of("report_type.updated", "report_type", existing.id(), record.key())
                .withChanges(snapshot(existing), snapshot(record)));
        redirect.addFlashAttribute(
                Toast.ATTRIBUTE,
                Toast.success(messages.getMessage("reports.saved", new Object[] {record.name()}, locale)));
        return "redirect:/report-types/" + record.key();
    }

    @PostMapping("/report-types/{key}/delete")
    View delete(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable String key,
            RedirectAttributes redirect,
            HtmxRequest htmx,
            Locale locale) {
        requireAdmin(user);
        ReportTypeRecord type = visible(user, key);
        repository.delete(type.id());
        audit.record(AuditEvent.of("report_type.deleted", "report_type", type.id(), type.key()));
        redirect.addFlashAttribute(
                Toast.ATTRIBUTE,
                Toast.success(messages.getMessage("reports.deleted", new Object[] {type.name()}, locale)));
        return htmx.isHtmxRequest()
                ? new HtmxRedirectView("/report-types", true)
                : new RedirectView("/report-types", true);
    }

    /** Runs the query with the typed values; an htmx request gets the preview fragment back. */
    @PostMapping("/report-types/{key}/preview")
    String preview(
            @AuthenticationPrincipal HeraldUser user,
            @PathVariable String key,
            @RequestParam Map<String, String> form,
            HtmxRequest htmx,
            Model model,
            Locale locale) {
        ReportTypeRecord type = visible(user, key);
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(PARAM_PREFIX) && value != null && value.length() <= 1000) {
                values.put(name.substring(PARAM_PREFIX.length()), value);
            }
        });
        showModel(user, type, model);
        model.addAttribute("values", values);
        try {
            PreviewResult result = preview.preview(type, values, zoneOf(user));
            model.addAttribute("result", result);
        } catch (ParameterValues.InvalidParametersException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            for (ParameterValues.Problem p : e.problems()) {
                problems.put(
                        p.parameter(), messages.getMessage(p.code(), p.args().toArray(), p.defaultMessage(), locale));
            }
            model.addAttribute("problems", problems);
            model.addAttribute("previewError", messages.getMessage("reports.preview.badParameters", null, locale));
        } catch (QueryFailure e) {
            model.addAttribute(
                    "previewError",
                    messages.getMessage(
                            "reports.preview.failed." + e.kind(),
                            new Object[] {e.getMessage()},
                            e.getMessage(),
                            locale));
        }
        return htmx.isHtmxRequest() ? "reports/report-type :: preview" : "reports/report-type";
    }

    private void showModel(HeraldUser user, ReportTypeRecord type, Model model) {
        model.addAttribute("type", type);
        model.addAttribute("source", sources.find(type.dataSourceId()).orElse(null));
        model.addAttribute("usesPeriod", type.usesPeriod());
        model.addAttribute("periodStartDefault", ReportPreview.DEFAULT_PERIOD_START);
        model.addAttribute("periodEndDefault", ReportPreview.DEFAULT_PERIOD_END);
        model.addAttribute("sampleRows", ReportPreview.SAMPLE_ROWS);
        model.addAttribute(
                "grantedTeams",
                teams.visibleTeams(user).stream()
                        .filter(t -> type.teamIds().contains(t.id()))
                        .toList());
    }

    private static Map<String, String> defaults(ReportTypeRecord type) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterDefinition p : type.parameters()) {
            values.put(p.name(), p.defaultValue() == null ? "" : p.defaultValue());
        }
        values.put(ReportTypeInfo.PERIOD_START, ReportPreview.DEFAULT_PERIOD_START);
        values.put(ReportTypeInfo.PERIOD_END, ReportPreview.DEFAULT_PERIOD_END);
        return values;
    }

    private ReportTypeRecord validate(
            HeraldUser user, ReportTypeForm form, UUID existingId, BindingResult result, Locale locale) {
        if (!result.hasFieldErrors("key") && repository.keyTaken(form.key(), existingId)) {
            result.rejectValue("key", "reports.validation.keyTaken");
        }
        DataSourceRecord source = form.dataSourceId() == null
                ? null
                : sources.find(form.dataSourceId()).orElse(null);
        if (form.dataSourceId() != null && source == null) {
            result.rejectValue("dataSourceId", "reports.validation.dataSource");
        }
        ParameterLines.Parsed parsed = ParameterLines.parse(form.parameters());
        if (!parsed.problems().isEmpty()) {
            String text = text(parsed.problems(), locale);
            result.rejectValue("parameters", "reports.params.invalid", new Object[] {text}, text);
        }
        if (!result.hasFieldErrors("sql")) {
            List<SqlProblem> problems = SqlValidator.check(
                    form.sql(),
                    parsed.definitions().stream().map(ParameterDefinition::name).toList());
            if (!problems.isEmpty()) {
                String text = text(problems, locale);
                result.rejectValue("sql", "reports.sql.invalid", new Object[] {text}, text);
            }
        }
        Duration interval = null;
        if (form.minimumInterval() != null && !form.minimumInterval().isBlank()) {
            try {
                interval = Duration.parse(form.minimumInterval().strip().toUpperCase(Locale.ROOT));
                if (interval.isNegative() || interval.isZero()) {
                    result.rejectValue("minimumInterval", "reports.validation.interval");
                }
            } catch (DateTimeParseException | ArithmeticException e) {
                result.rejectValue("minimumInterval", "reports.validation.interval");
            }
        }
        Set<UUID> known = teams.visibleTeams(user).stream().map(t -> t.id()).collect(Collectors.toSet());
        List<UUID> teamIds = form.teamIds() == null
                ? List.of()
                : form.teamIds().stream().filter(known::contains).toList();
        if (result.hasErrors()) {
            return null;
        }
        return new ReportTypeRecord(
                null,
                form.key(),
                form.name().strip(),
                form.description() == null || form.description().isBlank()
                        ? null
                        : form.description().strip(),
                form.dataSourceId(),
                form.sql().strip(),
                parsed.definitions(),
                ReportFormat.fromWire(form.defaultFormat()).orElse(ReportFormat.CSV),
                form.layout() == null || form.layout().isBlank() ? null : form.layout(),
                interval,
                false,
                Set.copyOf(teamIds));
    }

    private String text(List<SqlProblem> problems, Locale locale) {
        return problems.stream()
                .map(p -> messages.getMessage(p.code(), p.args().toArray(), p.defaultMessage(), locale))
                .collect(Collectors.joining(" "));
    }

    private void formModel(HeraldUser user, Model model) {
        model.addAttribute("dataSources", sources.all());
        model.addAttribute("teams", teams.visibleTeams(user));
        model.addAttribute("formats", List.of(ReportFormat.values()));
    }

    private Map<UUID, String> sourceNames() {
        return sources.all().stream().collect(Collectors.toMap(DataSourceRecord::id, DataSourceRecord::name));
    }

    private ReportTypeRecord visible(HeraldUser user, String key) {
        return repository
                .findUsableRecord(user, key)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void requireAdmin(HeraldUser user) {
        if (!user.systemAdmin()) {
            throw new AccessDeniedException("Only system administrators manage report types");
        }
    }

    private static ZoneId zoneOf(HeraldUser user) {
        try {
            return user.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(user.timeZone());
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** What the audit log keeps of a report type: every field an administrator can change. */
    private static Map<String, Object> snapshot(ReportTypeRecord r) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("key", r.key());
        values.put("name", r.name());
        values.put("description", r.description());
        values.put(
                "data_source_id",
                r.dataSourceId() == null ? null : r.dataSourceId().toString());
        values.put("sql", r.sql());
        values.put(
                "parameters",
                r.parameters().stream().map(ParameterDefinition::name).toList());
        values.put(
                "default_format",
                r.defaultFormat() == null ? null : r.defaultFormat().wire());
        values.put("layout", r.layout());
        values.put(
                "minimum_interval",
                r.minimumInterval() == null ? null : r.minimumInterval().toString());
        values.put("teams", r.teamIds().stream().map(UUID::toString).sorted().toList());
        return values;
    }
}
