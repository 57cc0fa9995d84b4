package com.herald.scheduling;

import com.herald.reports.ReportFormat;

/** A rendered report kept with its run for the retention period. */
public record RunArtifact(String fileName, ReportFormat format, long sizeBytes, String sha256) {}
