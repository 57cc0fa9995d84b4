package com.herald.reports.internal.rendering;

/** One output column: its label (from {@code ResultSetMetaData.getColumnLabel}) and how its values are typed. */
record Column(int index, String label, ColumnKind kind) {}
