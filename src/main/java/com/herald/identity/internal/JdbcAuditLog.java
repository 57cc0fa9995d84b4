package com.herald.identity.internal;

import com.herald.identity.AuditEvent;
import com.herald.identity.AuditLog;
import com.herald.identity.HeraldUser;
import com.herald.platform.Ids;
import com.herald.platform.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

@Component
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcAuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void record(AuditEvent event) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof HeraldUser user) {
            insert(event, user.id(), user.email());
        } else {
            insert(event, null, auth == null ? null : auth.getName());
        }
    }

    @Override
    public void record(AuditEvent event, String actorEmail) {
        insert(event, null, actorEmail);
    }

    private void insert(AuditEvent event, UUID actorId, String actorEmail) {
        HttpServletRequest request = currentRequest();
        jdbc.sql("""
                        INSERT INTO audit_events (id, occurred_at, actor_id, actor_email, action, target_type,
                            target_id, target_label, team_id, diff, ip, request_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        Ids.newId(),
                        Timestamp.from(Instant.now()),
                        actorId,
                        truncate(actorEmail, 254),
                        event.action(),
                        event.targetType(),
                        event.targetId(),
                        truncate(event.targetLabel(), 300),
                        event.teamId(),
                        event.changes().isEmpty() ? null : json.writeValueAsString(event.changes()),
                        request == null ? null : truncate(request.getRemoteAddr(), 64),
                        request == null ? null : RequestIds.current())
                .update();
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
