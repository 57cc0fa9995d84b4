package com.herald.recipients;

import java.util.List;

/**
 * One thing wrong with a draft: the field (API spelling: {@code name}, {@code team_id},
 * {@code members}, {@code members[3].email}), a message key of messages.properties and its arguments.
 */
public record RecipientListProblem(String field, String code, List<Object> args) {

    public static RecipientListProblem of(String field, String code, Object... args) {
        return new RecipientListProblem(field, code, List.of(args));
    }

    public Object[] argsArray() {
        return args.toArray();
    }
}
