package com.herald.api;

import com.herald.identity.HeraldUser;
import com.herald.reports.ParameterDefinition;
import com.herald.reports.ReportFormat;
import com.herald.reports.ReportTypeInfo;
import com.herald.reports.ReportTypes;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** api.md "Report types": those usable by the caller; any other key answers not_found. */
@Tag(name = "Report types", description = "The report types the caller may schedule")
@RestController
@RequestMapping("/api/v1/report-types")
class ReportTypesApiController {

    record ParameterResource(
            String name, String label, String type, boolean required, String defaultValue, List<String> allowedValues) {

        static ParameterResource of(ParameterDefinition p) {
            return new ParameterResource(
                    p.name(), p.displayLabel(), p.type().wire(), p.required(), p.defaultValue(), p.allowedValues());
        }
    }

    record ReportTypeResource(
            String object,
            String key,
            String name,
            String description,
            List<ParameterResource> parameters,
            List<String> formats,
            String defaultFormat,
            String minimumInterval,
            boolean systemReport) {

        static ReportTypeResource of(ReportTypeInfo t) {
            return new ReportTypeResource(
                    "report_type",
                    t.key(),
                    t.name(),
                    t.description(),
                    t.parameters().stream().map(ParameterResource::of).toList(),
                    t.formats().stream().map(ReportFormat::wire).toList(),
                    t.defaultFormat().wire(),
                    t.minimumInterval() == null ? null : t.minimumInterval().toString(),
                    t.systemReport());
        }
    }

    private final ReportTypes reportTypes;

    ReportTypesApiController(ReportTypes reportTypes) {
        this.reportTypes = reportTypes;
    }

    @GetMapping
    ApiList<ReportTypeResource> list(
            @AuthenticationPrincipal HeraldUser caller,
            @RequestParam(defaultValue = "25") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        ApiList.checkPaging(limit, offset);
        return ApiList.of(
                reportTypes.usableBy(caller, limit, offset).stream()
                        .map(ReportTypeResource::of)
                        .toList(),
                reportTypes.countUsableBy(caller),
                limit,
                offset);
    }

    @GetMapping("/{key}")
    ReportTypeResource one(@AuthenticationPrincipal HeraldUser caller, @PathVariable String key) {
        return reportTypes.findUsable(caller, key).map(ReportTypeResource::of).orElseThrow(ApiException::notFound);
    }
}
