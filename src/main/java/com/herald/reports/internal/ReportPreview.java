package com.herald.reports.internal;

import com.herald.reports.ParameterValues;
import com.herald.reports.ReportTypeInfo;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Runs a report type's query with values as typed, for the preview; nothing is stored or sent. */
@Service
public class ReportPreview {

    public static final int SAMPLE_ROWS = 50;
    public static final String DEFAULT_PERIOD_START = "today-7d";
    public static final String DEFAULT_PERIOD_END = "now";

    private final DataSourceRepository sources;
    private final QueryRunner runner;

    ReportPreview(DataSourceRepository sources, QueryRunner runner) {
        this.sources = sources;
        this.runner = runner;
    }

    /**
     * @throws ParameterValues.InvalidParametersException when a value does not fit its definition
     * @throws QueryFailure when the query cannot run (connection, SQL error, timeout)
     */
    public PreviewResult preview(ReportTypeRecord type, Map<String, String> raw, ZoneId zone) {
        ZonedDateTime now = ZonedDateTime.now(zone);
        Map<String, Object> values = bindWithPeriod(type, raw, now);
        DataSourceRecord source = sources.find(type.dataSourceId())
                .orElseThrow(() -> new QueryFailure("connection", "The data source no longer exists", null));
        return runner.preview(source, type.sql(), values, SAMPLE_ROWS);
    }

    static Map<String, Object> bindWithPeriod(ReportTypeRecord type, Map<String, String> raw, ZonedDateTime now) {
        List<ParameterValues.Problem> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            values.putAll(ParameterValues.bind(type.parameters(), raw, now));
        } catch (ParameterValues.InvalidParametersException e) {
            problems.addAll(e.problems());
        }
        if (type.usesPeriod()) {
            for (String name : List.of(ReportTypeInfo.PERIOD_START, ReportTypeInfo.PERIOD_END)) {
                String text = raw.get(name);
                if (text == null || text.isBlank()) {
                    text = name.equals(ReportTypeInfo.PERIOD_START) ? DEFAULT_PERIOD_START : DEFAULT_PERIOD_END;
                }
                try {
                    values.put(name, ParameterValues.parseDateTime(text, now));
                } catch (RuntimeException e) {
                    problems.add(new ParameterValues.Problem(
                            name,
                            "reports.param.datetime",
                            List.of(name),
                            name + " must be a date and time like 2026-01-31 08:00 or a relative date like now-2h"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ParameterValues.InvalidParametersException(problems);
        }
        return values;
    }
}
