package com.herald.reports.internal;

import java.util.List;

/** A problem with a report type's SQL: a message key, its arguments and the English text. */
public record SqlProblem(String code, List<Object> args, String defaultMessage) {

    static SqlProblem of(String code, String defaultMessage, Object... args) {
        return new SqlProblem(code, List.of(args), defaultMessage);
    }
}
