package com.herald.api;

import com.herald.identity.HeraldUser;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.FireTimes;
import com.herald.scheduling.SchedulePreview;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/schedules/preview}: the description and next fire times of a cadence (api.md). Needs no
 * team: it reads nothing but the body. A POST, so the API chain asks for scope {@code write}.
 */
@Tag(name = "Schedules")
@RestController
class SchedulePreviewApiController {

    static final int DEFAULT_COUNT = 10;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    record FireTimeResource(String instant, String localTime, String viewerLocalTime, boolean dstShifted) {}

    record PreviewResource(
            String object,
            String description,
            String timeZone,
            String viewerTimeZone,
            List<FireTimeResource> fireTimes) {}

    @PostMapping("/api/v1/schedules/preview")
    PreviewResource preview(@AuthenticationPrincipal HeraldUser caller, @RequestBody JsonNode json) {
        ApiBody body = ApiBody.of(json, Set.of("cadence", "time_zone", "start_at", "end_at", "count"), Set.of());
        Cadence cadence = body.cadence("cadence", true);
        String zoneName = body.string("time_zone", false);
        ZoneId viewerZone = zone(caller.timeZone());
        ZoneId zone = zoneName == null ? viewerZone : zone(zoneName);
        if (zoneName != null && zone == null) {
            body.error("time_zone", "must be an IANA time zone such as Europe/Berlin");
        }
        Instant startAt = body.instant("start_at");
        Instant endAt = body.instant("end_at");
        if (startAt != null && endAt != null && endAt.isBefore(startAt)) {
            body.error("end_at", "must not be before start_at");
        }
        int count = count(json.get("count"), body);
        body.throwIfInvalid();
        ZoneId viewer = viewerZone == null ? ZoneOffset.UTC : viewerZone;
        ZoneId scheduleZone = zone == null ? ZoneOffset.UTC : zone;
        SchedulePreview.Preview preview = SchedulePreview.preview(cadence, scheduleZone, startAt, endAt, count, viewer);
        return new PreviewResource(
                "schedule_preview",
                preview.description(),
                scheduleZone.getId(),
                viewer.getId(),
                preview.fireTimes().stream()
                        .map(e -> new FireTimeResource(
                                e.instant().toString(),
                                LOCAL.format(e.localTime()),
                                LOCAL.format(e.viewerLocalTime()),
                                e.dstShifted()))
                        .toList());
    }

    private static ZoneId zone(String name) {
        if (name == null || !ZoneId.getAvailableZoneIds().contains(name)) {
            return null;
        }
        return ZoneId.of(name);
    }

    private static int count(JsonNode node, ApiBody body) {
        if (node == null || node.isNull()) {
            return DEFAULT_COUNT;
        }
        if (!node.isIntegralNumber()
                || !node.canConvertToInt()
                || node.intValue() < 1
                || node.intValue() > FireTimes.MAX_COUNT) {
            body.error("count", "must be an integer between 1 and " + FireTimes.MAX_COUNT);
            return DEFAULT_COUNT;
        }
        return node.intValue();
    }
}
