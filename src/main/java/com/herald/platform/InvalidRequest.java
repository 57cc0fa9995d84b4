package com.herald.platform;

import java.util.List;

/**
 * A request that breaks a rule: each problem names the field and a message key of messages.properties.
 * The portal shows them as field errors, the API as body_validation_error.
 */
public class InvalidRequest extends RuntimeException {

    public record Problem(String field, String messageKey, Object... args) {}

    private final List<Problem> problems;

    public InvalidRequest(List<Problem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public static InvalidRequest of(String field, String messageKey, Object... args) {
        return new InvalidRequest(List.of(new Problem(field, messageKey, args)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
