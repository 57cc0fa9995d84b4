package com.herald.scheduling;

/** One problem of a cadence, named by its API field (for example {@code cadence.hour}). */
public record CadenceProblem(String field, String message) {}
