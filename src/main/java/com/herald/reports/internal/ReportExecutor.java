package com.herald.reports.internal;

import com.herald.reports.ParameterValues;
import com.herald.reports.RenderRequest;
import com.herald.reports.RenderedArtifact;
import com.herald.reports.ReportExecution;
import com.herald.reports.ReportRenderer;
import com.herald.reports.ReportRenderingException;
import com.herald.reports.ReportRun;
import com.herald.reports.ReportRunException;
import com.herald.reports.ReportTypeInfo;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

@Service
class ReportExecutor implements ReportExecution {

    private final ReportTypeRepository types;
    private final DataSourceRepository sources;
    private final QueryRunner runner;
    private final ReportRenderer renderer;

    ReportExecutor(
            ReportTypeRepository types, DataSourceRepository sources, QueryRunner runner, ReportRenderer renderer) {
        this.types = types;
        this.sources = sources;
        this.runner = runner;
        this.renderer = renderer;
    }

    @Override
    public RenderedArtifact render(ReportRun run, Path directory) {
        ReportTypeRecord type = types.findByKey(run.reportTypeKey())
                .orElseThrow(() -> new ReportRunException("query", "No report type " + run.reportTypeKey(), null));
        DataSourceRecord source = sources.find(type.dataSourceId())
                .orElseThrow(
                        () -> new ReportRunException("data_source", "The report type's data source is gone", null));
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            values.putAll(ParameterValues.bind(type.parameters(), run.parameters(), run.nominalTime()));
        } catch (ParameterValues.InvalidParametersException e) {
            throw new ReportRunException("query", e.getMessage(), e);
        }
        values.put(ReportTypeInfo.PERIOD_START, run.periodStart() == null ? null : Timestamp.from(run.periodStart()));
        values.put(ReportTypeInfo.PERIOD_END, run.periodEnd() == null ? null : Timestamp.from(run.periodEnd()));
        RenderRequest request = RenderRequest.of(run.title(), run.periodLabel(), run.format())
                .withGeneratedAt(
                        run.nominalTime().toInstant(), run.nominalTime().getZone());
        if (type.layout() != null && !type.layout().isBlank()) {
            request = request.withLayout(type.layout(), Map.of());
        }
        RenderRequest finalRequest = request;
        try {
            int timeoutSeconds = run.timeout() == null
                    ? 0
                    : (int) Math.max(
                            1, Math.min(Integer.MAX_VALUE, run.timeout().toSeconds()));
            return runner.withResultSet(
                    source,
                    type.sql(),
                    values,
                    timeoutSeconds,
                    rs -> renderer.renderToFile(rs, finalRequest, directory));
        } catch (QueryFailure e) {
            String category =
                    switch (e.kind()) {
                        case "timeout" -> "timeout";
                        case "connection", "not_ready" -> "data_source";
                        default -> "query";
                    };
            throw new ReportRunException(category, e.getMessage(), e);
        } catch (ReportRenderingException e) {
            throw new ReportRunException("render", e.getMessage(), e);
        }
    }
}
