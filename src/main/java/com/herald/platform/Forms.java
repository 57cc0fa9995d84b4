package com.herald.platform;

import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Puts the problems of an {@link InvalidRequest} on a form, as field errors where the field exists. */
public final class Forms {

    private Forms() {}

    public static void reject(BindingResult result, InvalidRequest invalid) {
        for (InvalidRequest.Problem problem : invalid.problems()) {
            if (problem.field() != null && hasField(result, problem.field())) {
                result.rejectValue(problem.field(), problem.messageKey(), problem.args(), problem.messageKey());
            } else {
                result.reject(problem.messageKey(), problem.args(), problem.messageKey());
            }
        }
    }

    private static boolean hasField(BindingResult result, String field) {
        try {
            return result.getTarget() != null && result.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The base URL of links in emails, taken from the request being served. */
    public static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
