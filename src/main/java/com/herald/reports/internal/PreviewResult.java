package com.herald.reports.internal;

import java.util.List;

/**
 * The first rows of a query and how many rows it returned, counted while streaming up to the data source's
 * max rows ({@code capped} when that limit stopped it).
 */
public record PreviewResult(
        List<String> columns, List<List<String>> rows, long rowCount, boolean capped, long millis) {}
