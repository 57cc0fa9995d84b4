package com.herald.recipients;

import java.util.List;

/** Why a recipient-list operation was refused; the portal and the API each map the kind to their answer. */
public class RecipientListException extends RuntimeException {

    public enum Kind {
        /** No such list, or one of a team the user may not see. */
        NOT_FOUND,
        /** The user sees the list but may not change it. */
        FORBIDDEN,
        /** The draft breaks a rule; see {@link #problems()}. */
        INVALID,
        /** Another list of the team has the name. */
        DUPLICATE_NAME,
        /** Someone else saved the list since it was read. */
        STALE,
        /** Schedules use the list; see {@link #scheduleNames()}. */
        IN_USE
    }

    private final Kind kind;
    private final List<RecipientListProblem> problems;
    private final List<String> scheduleNames;

    private RecipientListException(Kind kind, List<RecipientListProblem> problems, List<String> scheduleNames) {
        super(kind.name());
        this.kind = kind;
        this.problems = List.copyOf(problems);
        this.scheduleNames = List.copyOf(scheduleNames);
    }

    public static RecipientListException of(Kind kind) {
        return new RecipientListException(kind, List.of(), List.of());
    }

    public static RecipientListException invalid(List<RecipientListProblem> problems) {
        return new RecipientListException(Kind.INVALID, problems, List.of());
    }

    public static RecipientListException inUse(List<String> scheduleNames) {
        return new RecipientListException(Kind.IN_USE, List.of(), scheduleNames);
    }

    public Kind kind() {
        return kind;
    }

    public List<RecipientListProblem> problems() {
        return problems;
    }

    public List<String> scheduleNames() {
        return scheduleNames;
    }
}
