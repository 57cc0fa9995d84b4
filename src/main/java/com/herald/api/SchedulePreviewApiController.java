package com.herald.api;

import com.herald.identity.HeraldUser;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.CadenceProblem;
import com.herald.scheduling.Cadences;
import com.herald.scheduling.FireTimes;
import com.herald.scheduling.InvalidCadenceException;
import com.herald.scheduling.SchedulePreview;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Cadence cadence = cadence(json.get("cadence"), body);
        String zoneName = body.string("time_zone", false);
        ZoneId viewerZone = zone(caller.timeZone());
        ZoneId zone = zoneName == null ? viewerZone : zone(zoneName);
        if (zoneName != null && zone == null) {
            body.error("time_zone", "must be an IANA time zone such as Europe/Berlin");
        }
        Instant startAt = instant(body, "start_at");
        Instant endAt = instant(body, "end_at");
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

    private static Cadence cadence(JsonNode node, ApiBody body) {
        if (node == null || node.isNull()) {
            body.error("cadence", "is required");
            return null;
        }
        if (!node.isObject()) {
            body.error("cadence", "must be an object");
            return null;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) plain(node);
            return Cadences.parse(fields);
        } catch (InvalidCadenceException e) {
            for (CadenceProblem problem : e.problems()) {
                body.error(problem.field(), problem.message());
            }
            return null;
        }
    }

    /** JSON as plain Java values, the way {@link Cadences#parse} reads them. */
    private static Object plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String name : node.propertyNames()) {
                map.put(name, plain(node.get(name)));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode item : node) {
                list.add(plain(item));
            }
            return list;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asString();
    }

    private static ZoneId zone(String name) {
        if (name == null || !ZoneId.getAvailableZoneIds().contains(name)) {
            return null;
        }
        return ZoneId.of(name);
    }

    private static Instant instant(ApiBody body, String field) {
        String value = body.string(field, false);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            body.error(field, "must be an ISO-8601 timestamp such as 2026-04-13T06:00:00Z");
            return null;
        }
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
