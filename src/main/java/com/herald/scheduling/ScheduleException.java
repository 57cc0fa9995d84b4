package com.herald.scheduling;

import com.herald.platform.InvalidRequest;
import java.util.List;

/** Why a schedule operation was refused; the portal and the API each map the kind to their answer. */
public class ScheduleException extends RuntimeException {

    public enum Kind {
        /** No such schedule or run, or one of a team the user may not see (answer 404). */
        NOT_FOUND,
        /** The user sees it but may not do that (answer 403). */
        FORBIDDEN,
        /** The draft breaks rules; see {@link #problems()} (field names as in api.md, e.g. cadence.hour). */
        INVALID,
        /** The state forbids the action, or a duplicate name / external id (answer 409); see messageKey. */
        CONFLICT,
        /** Someone else saved the schedule since it was read (answer 412 to If-Match). */
        STALE
    }

    private final Kind kind;
    private final List<InvalidRequest.Problem> problems;
    private final String messageKey;
    private final Object[] args;

    private ScheduleException(Kind kind, List<InvalidRequest.Problem> problems, String messageKey, Object... args) {
        super(kind + (messageKey == null ? "" : " " + messageKey) + (problems.isEmpty() ? "" : " " + problems));
        this.kind = kind;
        this.problems = List.copyOf(problems);
        this.messageKey = messageKey;
        this.args = args;
    }

    public static ScheduleException of(Kind kind) {
        return new ScheduleException(kind, List.of(), null);
    }

    public static ScheduleException invalid(List<InvalidRequest.Problem> problems) {
        return new ScheduleException(Kind.INVALID, problems, null);
    }

    /** A 409 with a message key of messages.properties and its arguments. */
    public static ScheduleException conflict(String messageKey, Object... args) {
        return new ScheduleException(Kind.CONFLICT, List.of(), messageKey, args);
    }

    public Kind kind() {
        return kind;
    }

    public List<InvalidRequest.Problem> problems() {
        return problems;
    }

    /** For CONFLICT: what to tell the user. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
