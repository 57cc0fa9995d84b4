package com.herald.reports;

import java.nio.file.Path;

/** Runs a report type's query and streams its rows into an artifact file: the path of every scheduled run. */
public interface ReportExecution {

    /** Renders the run into a new file in the directory; throws {@link ReportRunException} when it cannot. */
    RenderedArtifact render(ReportRun run, Path directory);
}
