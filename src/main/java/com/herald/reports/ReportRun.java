package com.herald.reports;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * One rendering of a report type: its raw parameter values (relative dates allowed, evaluated at the
 * nominal time in its zone), the reporting period bound as :period_start / :period_end, the format.
 */
public record ReportRun(
        String reportTypeKey,
        Map<String, String> parameters,
        ReportFormat format,
        ZonedDateTime nominalTime,
        Instant periodStart,
        Instant periodEnd,
        String title,
        String periodLabel) {}
