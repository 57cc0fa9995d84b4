package com.herald.reports.internal;

import com.herald.reports.OutputFormat;
import com.herald.reports.ParameterDefinition;
import com.herald.reports.ReportTypeInfo;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A report type with everything stored about it (SQL and layout included). */
public record ReportTypeRecord(
        UUID id,
        String key,
        String name,
        String description,
        UUID dataSourceId,
        String sql,
        List<ParameterDefinition> parameters,
        OutputFormat defaultFormat,
        String layout,
        Duration minimumInterval,
        boolean systemReport,
        Set<UUID> teamIds) {

    public ReportTypeInfo info() {
        return new ReportTypeInfo(
                id,
                key,
                name,
                description,
                dataSourceId,
                parameters,
                defaultFormat,
                minimumInterval,
                systemReport,
                teamIds);
    }

    public boolean usesPeriod() {
        Set<String> used = SqlValidator.parameterNames(sql);
        return used.contains(ReportTypeInfo.PERIOD_START) || used.contains(ReportTypeInfo.PERIOD_END);
    }
}
