package com.herald.reports.internal.rendering;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a result set row by row into one reused array of typed values: {@code Long}, {@code BigDecimal},
 * {@code Double}, {@code Boolean}, {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime},
 * {@code OffsetDateTime}, {@code byte[]} or {@code String}, and {@code null} for SQL NULL.
 */
final class RowCursor {

    private final ResultSet rs;
    private final Column[] columns;
    private final Object[] values;

    RowCursor(ResultSet rs) throws SQLException {
        this.rs = rs;
        ResultSetMetaData meta = rs.getMetaData();
        int count = meta.getColumnCount();
        columns = new Column[count];
        for (int i = 0; i < count; i++) {
            int jdbc = i + 1;
            String label = meta.getColumnLabel(jdbc);
            if (label == null || label.isEmpty()) {
                label = meta.getColumnName(jdbc);
            }
            int precision;
            boolean signed;
            try {
                precision = meta.getPrecision(jdbc);
                signed = meta.isSigned(jdbc);
            } catch (SQLException e) {
                precision = 0;
                signed = true;
            }
            columns[i] = new Column(
                    i, label == null ? "" : label, ColumnKind.of(meta.getColumnType(jdbc), precision, signed));
        }
        values = new Object[count];
    }

    Column[] columns() {
        return columns;
    }

    List<String> labels() {
        List<String> labels = new ArrayList<>(columns.length);
        for (Column column : columns) {
            labels.add(column.label());
        }
        return labels;
    }

    /** Moves to the next row; false at the end. */
    boolean next() throws SQLException {
        return rs.next();
    }

    /** The current row's values; the array is reused by the next call. */
    Object[] read() throws SQLException {
        for (int i = 0; i < columns.length; i++) {
            values[i] = read(i + 1, columns[i].kind());
        }
        return values;
    }

    private Object read(int i, ColumnKind kind) throws SQLException {
        Object value;
        switch (kind) {
            case INTEGER -> {
                long v = rs.getLong(i);
                value = rs.wasNull() ? null : v;
            }
            case DECIMAL -> value = rs.getBigDecimal(i);
            case FLOAT -> {
                double v = rs.getDouble(i);
                value = rs.wasNull() ? null : v;
            }
            case BOOLEAN -> {
                boolean v = rs.getBoolean(i);
                value = rs.wasNull() ? null : v;
            }
            case DATE -> value = rs.getObject(i, LocalDate.class);
            case TIME -> value = rs.getObject(i, LocalTime.class);
            case DATETIME -> value = rs.getObject(i, LocalDateTime.class);
            case DATETIME_TZ -> value = rs.getObject(i, OffsetDateTime.class);
            case BINARY -> value = rs.getBytes(i);
            default -> value = rs.getString(i);
        }
        return value;
    }
}
