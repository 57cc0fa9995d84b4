package com.herald.scheduling;

import java.util.List;

/** A cadence that breaks a rule; {@link #problems()} names each field. */
public class InvalidCadenceException extends IllegalArgumentException {

    private final transient List<CadenceProblem> problems;

    public InvalidCadenceException(List<CadenceProblem> problems) {
        super(problems.stream()
                .map(p -> p.field() + " " + p.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid cadence"));
        this.problems = List.copyOf(problems);
    }

    public List<CadenceProblem> problems() {
        return problems;
    }
}
