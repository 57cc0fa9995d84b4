package com.herald.reports.internal.rendering;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A forward-only in-memory result set for tests and the benchmark: subclasses say how many rows there are and what
 * each cell holds (as the Java value a driver would return); this class does the JDBC getters and metadata.
 */
abstract class TestResultSet extends UnsupportedResultSet {

    /** A column: label, {@link Types} code, precision, signed. */
    record Col(String label, int type, int precision, boolean signed) {
        static Col of(String label, int type) {
            return new Col(label, type, type == Types.BIT ? 1 : 10, true);
        }
    }

    private final Col[] cols;
    private boolean lastWasNull;
    private boolean closed;

    TestResultSet(Col... cols) {
        this.cols = cols;
    }

    /** Advances to the next row; false at the end. */
    protected abstract boolean advance();

    /** The current row's value in column {@code index} (0-based). */
    protected abstract Object valueAt(int index);

    @Override
    public boolean next() {
        return advance();
    }

    private Object get(int column) {
        Object value = valueAt(column - 1);
        lastWasNull = value == null;
        return value;
    }

    @Override
    public boolean wasNull() {
        return lastWasNull;
    }

    @Override
    public String getString(int column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    @Override
    public long getLong(int column) {
        Object v = get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    @Override
    public double getDouble(int column) {
        Object v = get(column);
        return v == null ? 0 : ((Number) v).doubleValue();
    }

    @Override
    public boolean getBoolean(int column) {
        Object v = get(column);
        return v != null && (Boolean) v;
    }

    @Override
    public BigDecimal getBigDecimal(int column) {
        Object v = get(column);
        return v == null ? null : v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
    }

    @Override
    public byte[] getBytes(int column) {
        return (byte[]) get(column);
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        Object v = get(column);
        if (v == null || type.isInstance(v)) {
            return type.cast(v);
        }
        throw new SQLException("Column " + column + " holds " + v.getClass() + ", not " + type);
    }

    @Override
    public Object getObject(int column) {
        return get(column);
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public ResultSetMetaData getMetaData() {
        return new UnsupportedResultSetMetaData() {
            @Override
            public int getColumnCount() {
                return cols.length;
            }

            @Override
            public String getColumnLabel(int column) {
                return cols[column - 1].label();
            }

            @Override
            public String getColumnName(int column) {
                return cols[column - 1].label();
            }

            @Override
            public int getColumnType(int column) {
                return cols[column - 1].type();
            }

            @Override
            public int getPrecision(int column) {
                return cols[column - 1].precision();
            }

            @Override
            public boolean isSigned(int column) {
                return cols[column - 1].signed();
            }
        };
    }

    /** Rows given as arrays. */
    static TestResultSet of(java.util.List<Object[]> rows, Col... cols) {
        return new TestResultSet(cols) {
            private int row = -1;

            @Override
            protected boolean advance() {
                return ++row < rows.size();
            }

            @Override
            protected Object valueAt(int index) {
                return rows.get(row)[index];
            }
        };
    }
}
