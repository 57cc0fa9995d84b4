package com.herald.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** One change or sign-in worth keeping: who did what to which object, and which fields changed. */
public record AuditEvent(
        String action,
        String targetType,
        String targetId,
        String targetLabel,
        UUID teamId,
        Map<String, Change> changes) {

    public record Change(Object from, Object to) {}

    public static AuditEvent of(String action, String targetType, Object targetId, String targetLabel) {
        return new AuditEvent(
                action, targetType, targetId == null ? null : targetId.toString(), targetLabel, null, Map.of());
    }

    public AuditEvent inTeam(UUID team) {
        return new AuditEvent(action, targetType, targetId, targetLabel, team, changes);
    }

    /** Adds the fields whose values differ between the two maps (same keys expected). */
    public AuditEvent withChanges(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Change> diff = new LinkedHashMap<>(changes);
        for (Map.Entry<String, ?> entry : after.entrySet()) {
            Object old = before == null ? null : before.get(entry.getKey());
            if (!Objects.equals(old, entry.getValue())) {
                diff.put(entry.getKey(), new Change(old, entry.getValue()));
            }
        }
        return new AuditEvent(action, targetType, targetId, targetLabel, teamId, diff);
    }
}
