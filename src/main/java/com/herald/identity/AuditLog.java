package com.herald.identity;

/**
 * Records audit events; the actor, IP address and request id are taken from the current request.
 * Every module records its creates, updates and deletes here.
 */
public interface AuditLog {

    void record(AuditEvent event);

    /** For events without a signed-in actor (a failed sign-in, an accepted invitation). */
    void record(AuditEvent event, String actorEmail);
}
