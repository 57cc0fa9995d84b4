package com.herald.reports;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A report type as other modules see it. {@code minimumInterval} is null when runs may be as frequent as
 * the cadence allows. {@code teamIds} are the teams it is granted to.
 */
public record ReportTypeInfo(
        UUID id,
        String key,
        String name,
        String description,
        UUID dataSourceId,
        List<ParameterDefinition> parameters,
        OutputFormat defaultFormat,
        Duration minimumInterval,
        boolean systemReport,
        Set<UUID> teamIds) {

    /** The reporting period's start, bound without a definition (product.md §3). */
    public static final String PERIOD_START = "period_start";

    /** The reporting period's end (exclusive by convention), bound without a definition. */
    public static final String PERIOD_END = "period_end";

    /** Every format a report type can render to; the default one comes first. */
    public List<OutputFormat> formats() {
        java.util.ArrayList<OutputFormat> all = new java.util.ArrayList<>(List.of(OutputFormat.values()));
        all.remove(defaultFormat);
        all.addFirst(defaultFormat);
        return List.copyOf(all);
    }
}
