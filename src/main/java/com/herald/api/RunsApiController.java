package com.herald.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.herald.identity.HeraldUser;
import com.herald.reports.ReportFormat;
import com.herald.scheduling.Delivery;
import com.herald.scheduling.Run;
import com.herald.scheduling.RunArtifact;
import com.herald.scheduling.ScheduleManager;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs (api.md "Runs"): one run with its deliveries, its artifact as a download, and a retry that re-sends to
 * the recipients not yet delivered. Who may see or retry a run is the schedule's rule, applied by
 * {@link ScheduleManager}.
 */
@Tag(name = "Runs", description = "Runs with their deliveries and artifacts")
@RestController
@RequestMapping(RunsApiController.PATH)
class RunsApiController {

    static final String PATH = "/api/v1/runs";

    record ArtifactResource(String fileName, String format, long sizeBytes, String sha256) {

        static ArtifactResource of(RunArtifact a) {
            return new ArtifactResource(a.fileName(), a.format().wire(), a.sizeBytes(), a.sha256());
        }
    }

    record ErrorResource(String category, String message) {}

    record DeliveryResource(String email, String status, int attempts, Instant sentAt, String messageId, String error) {

        static DeliveryResource of(Delivery d) {
            return new DeliveryResource(
                    d.email(), d.status().wire(), d.attempts(), d.sentAt(), d.messageId(), d.error());
        }
    }

    /**
     * The run object of api.md. {@code artifact} is the first artifact (api.md has one); {@code artifacts} lists
     * every format of a multi-format schedule. {@code deliveries} is left out of lists, which do not read them.
     */
    record RunResource(
            String object,
            UUID id,
            UUID scheduleId,
            Instant nominalTime,
            Instant startedAt,
            Instant finishedAt,
            String trigger,
            int attempt,
            String status,
            Instant periodStart,
            Instant periodEnd,
            Long rowCount,
            ArtifactResource artifact,
            List<ArtifactResource> artifacts,
            ErrorResource error,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<DeliveryResource> deliveries,
            @JsonProperty("_links") Map<String, Map<String, String>> links) {

        static RunResource of(Run r) {
            return of(r, true);
        }

        static RunResource of(Run r, boolean withDeliveries) {
            List<ArtifactResource> artifacts = r.artifacts() == null
                    ? List.of()
                    : r.artifacts().stream().map(ArtifactResource::of).toList();
            String self = PATH + "/" + r.id();
            Map<String, Map<String, String>> links = artifacts.isEmpty()
                    ? Map.of("self", href(self), "schedule", href(SchedulesApiController.PATH + "/" + r.scheduleId()))
                    : Map.of(
                            "self",
                            href(self),
                            "schedule",
                            href(SchedulesApiController.PATH + "/" + r.scheduleId()),
                            "artifact",
                            href(self + "/artifact"));
            return new RunResource(
                    "run",
                    r.id(),
                    r.scheduleId(),
                    r.nominalTime(),
                    r.startedAt(),
                    r.finishedAt(),
                    r.trigger().wire(),
                    r.attempt(),
                    r.status().wire(),
                    r.periodStart(),
                    r.periodEnd(),
                    r.rowCount(),
                    artifacts.isEmpty() ? null : artifacts.getFirst(),
                    artifacts,
                    r.errorCategory() == null && r.errorMessage() == null
                            ? null
                            : new ErrorResource(r.errorCategory(), r.errorMessage()),
                    !withDeliveries || r.deliveries() == null
                            ? null
                            : r.deliveries().stream().map(DeliveryResource::of).toList(),
                    links);
        }

        private static Map<String, String> href(String path) {
            return Map.of("href", path);
        }
    }

    private final ScheduleManager schedules;

    RunsApiController(ScheduleManager schedules) {
        this.schedules = schedules;
    }

    @GetMapping("/{id}")
    RunResource get(@AuthenticationPrincipal HeraldUser caller, @PathVariable UUID id) {
        return RunResource.of(schedules.run(caller, id));
    }

    /**
     * The rendered file, streamed from storage as an attachment (never shown inline: an HTML report is the
     * report's data, not a page of Herald). {@code format} picks one of a multi-format run's files.
     */
    @GetMapping("/{id}/artifact")
    ResponseEntity<InputStreamResource> artifact(
            @AuthenticationPrincipal HeraldUser caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String format) {
        ReportFormat wanted = null;
        if (format != null) {
            wanted = ReportFormat.fromWire(format)
                    .orElseThrow(() -> ApiException.badParameter("format must be one of csv, xlsx, pdf, html"));
        }
        ScheduleManager.ArtifactContent content = schedules.artifact(caller, id, wanted);
        RunArtifact artifact = content.artifact();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(artifact.format().contentType()))
                .contentLength(artifact.sizeBytes())
                .eTag("\"" + artifact.sha256() + "\"")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(artifact.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                // the resource converter closes the stream once it is copied
                .body(new InputStreamResource(content.content()));
    }

    /** Re-sends to the recipients not yet delivered; the run works in the background, so 202. */
    @PostMapping("/{id}/retry")
    ResponseEntity<RunResource> retry(@AuthenticationPrincipal HeraldUser caller, @PathVariable UUID id) {
        Run run = schedules.retry(caller, id);
        return ResponseEntity.accepted()
                .location(URI.create(PATH + "/" + run.id()))
                .body(RunResource.of(run));
    }
}
