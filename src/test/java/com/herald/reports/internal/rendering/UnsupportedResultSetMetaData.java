package com.herald.reports.internal.rendering;

/** Every ResultSetMetaData method throws; subclasses override what they need. Generated from javap. */
@SuppressWarnings({"deprecation", "unchecked"})
abstract class UnsupportedResultSetMetaData implements java.sql.ResultSetMetaData {

    @Override
    public int getColumnCount() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getColumnCount");
    }

    @Override
    public boolean isAutoIncrement(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("isAutoIncrement");
    }

    @Override
    public boolean isCaseSensitive(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("isCaseSensitive");
    }

    @Override
    public boolean isSearchable(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("isSearchable");
    }

    @Override
    public boolean isCurrency(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("isCurrency");
    }

    @Override
    public int isNullable(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("isNullable");
    }

    @Override
    public boolean isSigned(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("isSigned");
    }

    @Override
    public int getColumnDisplaySize(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getColumnDisplaySize");
    }

    @Override
    public java.lang.String getColumnLabel(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getColumnLabel");
    }

    @Override
    public java.lang.String getColumnName(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getColumnName");
    }

    @Override
    public java.lang.String getSchemaName(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getSchemaName");
    }

    @Override
    public int getPrecision(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getPrecision");
    }

    @Override
    public int getScale(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getScale");
    }

    @Override
    public java.lang.String getTableName(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getTableName");
    }

    @Override
    public java.lang.String getCatalogName(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getCatalogName");
    }

    @Override
    public int getColumnType(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getColumnType");
    }

    @Override
    public java.lang.String getColumnTypeName(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getColumnTypeName");
    }

    @Override
    public boolean isReadOnly(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("isReadOnly");
    }

    @Override
    public boolean isWritable(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("isWritable");
    }

    @Override
    public boolean isDefinitelyWritable(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("isDefinitelyWritable");
    }

    @Override
    public java.lang.String getColumnClassName(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getColumnClassName");
    }

    @Override
    public <T> T unwrap(Class<T> p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("unwrap");
    }

    @Override
    public boolean isWrapperFor(Class<?> p0) throws java.sql.SQLException {
        return false;
    }
}
