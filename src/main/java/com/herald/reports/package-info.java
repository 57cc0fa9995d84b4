/**
 * Data sources, report types, their parameters and preview. The root package is the public API used by
 * other modules (the API controllers, later scheduling and rendering): {@link com.herald.reports.ReportTypes},
 * {@link com.herald.reports.ReportTypeInfo}, {@link com.herald.reports.ParameterDefinition},
 * {@link com.herald.reports.ParameterValues} and {@link com.herald.reports.RelativeDates}.
 */
package com.herald.reports;
