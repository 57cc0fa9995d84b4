package com.herald.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * One rendering of a report type: its raw parameter values (relative dates allowed, evaluated at the
 * nominal time in its zone), the reporting period bound as :period_start / :period_end, the format, and an
 * optional timeout (the schedule's) that shortens the data source's statement timeout.
 */
public record ReportRun(
        String reportTypeKey,
        Map<String, String> parameters,
        ReportFormat format,
        ZonedDateTime nominalTime,
        Instant periodStart,
        Instant periodEnd,
        String title,
        String periodLabel,
        Duration timeout) {

    /** A run limited only by the data source's statement timeout. */
    public ReportRun(
            String reportTypeKey,
            Map<String, String> parameters,
            ReportFormat format,
            ZonedDateTime nominalTime,
            Instant periodStart,
            Instant periodEnd,
            String title,
            String periodLabel) {
        this(reportTypeKey, parameters, format, nominalTime, periodStart, periodEnd, title, periodLabel, null);
    }
}
