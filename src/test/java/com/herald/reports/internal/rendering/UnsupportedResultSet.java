package com.herald.reports.internal.rendering;

/** Every ResultSet method throws; test result sets override what the renderer uses. Generated from javap. */
@SuppressWarnings({"deprecation", "unchecked"})
abstract class UnsupportedResultSet implements java.sql.ResultSet {

    @Override
    public boolean next() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("next");
    }

    @Override
    public void close() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("close");
    }

    @Override
    public boolean wasNull() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("wasNull");
    }

    @Override
    public java.lang.String getString(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getString");
    }

    @Override
    public boolean getBoolean(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getBoolean");
    }

    @Override
    public byte getByte(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getByte");
    }

    @Override
    public short getShort(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getShort");
    }

    @Override
    public int getInt(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getInt");
    }

    @Override
    public long getLong(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getLong");
    }

    @Override
    public float getFloat(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getFloat");
    }

    @Override
    public double getDouble(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getDouble");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int p0, int p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getBigDecimal");
    }

    @Override
    public byte[] getBytes(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getBytes");
    }

    @Override
    public java.sql.Date getDate(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getDate");
    }

    @Override
    public java.sql.Time getTime(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getTime");
    }

    @Override
    public java.sql.Timestamp getTimestamp(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getTimestamp");
    }

    @Override
    public java.io.InputStream getAsciiStream(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getAsciiStream");
    }

    @Override
    public java.io.InputStream getUnicodeStream(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getUnicodeStream");
    }

    @Override
    public java.io.InputStream getBinaryStream(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getBinaryStream");
    }

    @Override
    public java.lang.String getString(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getString");
    }

    @Override
    public boolean getBoolean(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getBoolean");
    }

    @Override
    public byte getByte(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getByte");
    }

    @Override
    public short getShort(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getShort");
    }

    @Override
    public int getInt(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getInt");
    }

    @Override
    public long getLong(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getLong");
    }

    @Override
    public float getFloat(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getFloat");
    }

    @Override
    public double getDouble(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getDouble");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(java.lang.String p0, int p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getBigDecimal");
    }

    @Override
    public byte[] getBytes(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getBytes");
    }

    @Override
    public java.sql.Date getDate(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getDate");
    }

    @Override
    public java.sql.Time getTime(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getTime");
    }

    @Override
    public java.sql.Timestamp getTimestamp(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getTimestamp");
    }

    @Override
    public java.io.InputStream getAsciiStream(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getAsciiStream");
    }

    @Override
    public java.io.InputStream getUnicodeStream(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getUnicodeStream");
    }

    @Override
    public java.io.InputStream getBinaryStream(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getBinaryStream");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getWarnings");
    }

    @Override
    public void clearWarnings() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("clearWarnings");
    }

    @Override
    public java.lang.String getCursorName() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getCursorName");
    }

    @Override
    public java.sql.ResultSetMetaData getMetaData() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getMetaData");
    }

    @Override
    public java.lang.Object getObject(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getObject");
    }

    @Override
    public java.lang.Object getObject(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getObject");
    }

    @Override
    public int findColumn(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("findColumn");
    }

    @Override
    public java.io.Reader getCharacterStream(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getCharacterStream");
    }

    @Override
    public java.io.Reader getCharacterStream(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getCharacterStream");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getBigDecimal");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getBigDecimal");
    }

    @Override
    public boolean isBeforeFirst() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("isBeforeFirst");
    }

    @Override
    public boolean isAfterLast() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("isAfterLast");
    }

    @Override
    public boolean isFirst() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("isFirst");
    }

    @Override
    public boolean isLast() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("isLast");
    }

    @Override
    public void beforeFirst() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("beforeFirst");
    }

    @Override
    public void afterLast() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("afterLast");
    }

    @Override
    public boolean first() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("first");
    }

    @Override
    public boolean last() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("last");
    }

    @Override
    public int getRow() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getRow");
    }

    @Override
    public boolean absolute(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("absolute");
    }

    @Override
    public boolean relative(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("relative");
    }

    @Override
    public boolean previous() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("previous");
    }

    @Override
    public void setFetchDirection(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("setFetchDirection");
    }

    @Override
    public int getFetchDirection() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getFetchDirection");
    }

    @Override
    public void setFetchSize(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("setFetchSize");
    }

    @Override
    public int getFetchSize() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getFetchSize");
    }

    @Override
    public int getType() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getType");
    }

    @Override
    public int getConcurrency() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getConcurrency");
    }

    @Override
    public boolean rowUpdated() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("rowUpdated");
    }

    @Override
    public boolean rowInserted() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("rowInserted");
    }

    @Override
    public boolean rowDeleted() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("rowDeleted");
    }

    @Override
    public void updateNull(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateNull");
    }

    @Override
    public void updateBoolean(int p0, boolean p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBoolean");
    }

    @Override
    public void updateByte(int p0, byte p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateByte");
    }

    @Override
    public void updateShort(int p0, short p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateShort");
    }

    @Override
    public void updateInt(int p0, int p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateInt");
    }

    @Override
    public void updateLong(int p0, long p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateLong");
    }

    @Override
    public void updateFloat(int p0, float p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateFloat");
    }

    @Override
    public void updateDouble(int p0, double p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateDouble");
    }

    @Override
    public void updateBigDecimal(int p0, java.math.BigDecimal p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBigDecimal");
    }

    @Override
    public void updateString(int p0, java.lang.String p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateString");
    }

    @Override
    public void updateBytes(int p0, byte[] p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBytes");
    }

    @Override
    public void updateDate(int p0, java.sql.Date p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateDate");
    }

    @Override
    public void updateTime(int p0, java.sql.Time p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateTime");
    }

    @Override
    public void updateTimestamp(int p0, java.sql.Timestamp p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateTimestamp");
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1, int p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateCharacterStream");
    }

    @Override
    public void updateObject(int p0, java.lang.Object p1, int p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateObject");
    }

    @Override
    public void updateObject(int p0, java.lang.Object p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateObject");
    }

    @Override
    public void updateNull(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateNull");
    }

    @Override
    public void updateBoolean(java.lang.String p0, boolean p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBoolean");
    }

    @Override
    public void updateByte(java.lang.String p0, byte p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateByte");
    }

    @Override
    public void updateShort(java.lang.String p0, short p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateShort");
    }

    @Override
    public void updateInt(java.lang.String p0, int p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateInt");
    }

    @Override
    public void updateLong(java.lang.String p0, long p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateLong");
    }

    @Override
    public void updateFloat(java.lang.String p0, float p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateFloat");
    }

    @Override
    public void updateDouble(java.lang.String p0, double p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateDouble");
    }

    @Override
    public void updateBigDecimal(java.lang.String p0, java.math.BigDecimal p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBigDecimal");
    }

    @Override
    public void updateString(java.lang.String p0, java.lang.String p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateString");
    }

    @Override
    public void updateBytes(java.lang.String p0, byte[] p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBytes");
    }

    @Override
    public void updateDate(java.lang.String p0, java.sql.Date p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateDate");
    }

    @Override
    public void updateTime(java.lang.String p0, java.sql.Time p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateTime");
    }

    @Override
    public void updateTimestamp(java.lang.String p0, java.sql.Timestamp p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateTimestamp");
    }

    @Override
    public void updateAsciiStream(java.lang.String p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(java.lang.String p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(java.lang.String p0, java.io.Reader p1, int p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateCharacterStream");
    }

    @Override
    public void updateObject(java.lang.String p0, java.lang.Object p1, int p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateObject");
    }

    @Override
    public void updateObject(java.lang.String p0, java.lang.Object p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateObject");
    }

    @Override
    public void insertRow() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("insertRow");
    }

    @Override
    public void updateRow() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateRow");
    }

    @Override
    public void deleteRow() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("deleteRow");
    }

    @Override
    public void refreshRow() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("refreshRow");
    }

    @Override
    public void cancelRowUpdates() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("cancelRowUpdates");
    }

    @Override
    public void moveToInsertRow() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("moveToInsertRow");
    }

    @Override
    public void moveToCurrentRow() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("moveToCurrentRow");
    }

    @Override
    public java.sql.Statement getStatement() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getStatement");
    }

    @Override
    public java.lang.Object getObject(int p0, java.util.Map<java.lang.String, java.lang.Class<?>> p1)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getObject");
    }

    @Override
    public java.sql.Ref getRef(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getRef");
    }

    @Override
    public java.sql.Blob getBlob(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getBlob");
    }

    @Override
    public java.sql.Clob getClob(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getClob");
    }

    @Override
    public java.sql.Array getArray(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getArray");
    }

    @Override
    public java.lang.Object getObject(java.lang.String p0, java.util.Map<java.lang.String, java.lang.Class<?>> p1)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getObject");
    }

    @Override
    public java.sql.Ref getRef(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getRef");
    }

    @Override
    public java.sql.Blob getBlob(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getBlob");
    }

    @Override
    public java.sql.Clob getClob(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getClob");
    }

    @Override
    public java.sql.Array getArray(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getArray");
    }

    @Override
    public java.sql.Date getDate(int p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getDate");
    }

    @Override
    public java.sql.Date getDate(java.lang.String p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getDate");
    }

    @Override
    public java.sql.Time getTime(int p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getTime");
    }

    @Override
    public java.sql.Time getTime(java.lang.String p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getTime");
    }

    @Override
    public java.sql.Timestamp getTimestamp(int p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getTimestamp");
    }

    @Override
    public java.sql.Timestamp getTimestamp(java.lang.String p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getTimestamp");
    }

    @Override
    public java.net.URL getURL(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getURL");
    }

    @Override
    public java.net.URL getURL(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getURL");
    }

    @Override
    public void updateRef(int p0, java.sql.Ref p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateRef");
    }

    @Override
    public void updateRef(java.lang.String p0, java.sql.Ref p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateRef");
    }

    @Override
    public void updateBlob(int p0, java.sql.Blob p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBlob");
    }

    @Override
    public void updateBlob(java.lang.String p0, java.sql.Blob p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBlob");
    }

    @Override
    public void updateClob(int p0, java.sql.Clob p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateClob");
    }

    @Override
    public void updateClob(java.lang.String p0, java.sql.Clob p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateClob");
    }

    @Override
    public void updateArray(int p0, java.sql.Array p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateArray");
    }

    @Override
    public void updateArray(java.lang.String p0, java.sql.Array p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateArray");
    }

    @Override
    public java.sql.RowId getRowId(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getRowId");
    }

    @Override
    public java.sql.RowId getRowId(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getRowId");
    }

    @Override
    public void updateRowId(int p0, java.sql.RowId p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateRowId");
    }

    @Override
    public void updateRowId(java.lang.String p0, java.sql.RowId p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateRowId");
    }

    @Override
    public int getHoldability() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getHoldability");
    }

    @Override
    public boolean isClosed() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("isClosed");
    }

    @Override
    public void updateNString(int p0, java.lang.String p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateNString");
    }

    @Override
    public void updateNString(java.lang.String p0, java.lang.String p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateNString");
    }

    @Override
    public void updateNClob(int p0, java.sql.NClob p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateNClob");
    }

    @Override
    public void updateNClob(java.lang.String p0, java.sql.NClob p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateNClob");
    }

    @Override
    public java.sql.NClob getNClob(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getNClob");
    }

    @Override
    public java.sql.NClob getNClob(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getNClob");
    }

    @Override
    public java.sql.SQLXML getSQLXML(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getSQLXML");
    }

    @Override
    public java.sql.SQLXML getSQLXML(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getSQLXML");
    }

    @Override
    public void updateSQLXML(int p0, java.sql.SQLXML p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateSQLXML");
    }

    @Override
    public void updateSQLXML(java.lang.String p0, java.sql.SQLXML p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateSQLXML");
    }

    @Override
    public java.lang.String getNString(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getNString");
    }

    @Override
    public java.lang.String getNString(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getNString");
    }

    @Override
    public java.io.Reader getNCharacterStream(int p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getNCharacterStream");
    }

    @Override
    public java.io.Reader getNCharacterStream(java.lang.String p0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(java.lang.String p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateNCharacterStream");
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateCharacterStream");
    }

    @Override
    public void updateAsciiStream(java.lang.String p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(java.lang.String p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(java.lang.String p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateCharacterStream");
    }

    @Override
    public void updateBlob(int p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBlob");
    }

    @Override
    public void updateBlob(java.lang.String p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBlob");
    }

    @Override
    public void updateClob(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateClob");
    }

    @Override
    public void updateClob(java.lang.String p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateClob");
    }

    @Override
    public void updateNClob(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateNClob");
    }

    @Override
    public void updateNClob(java.lang.String p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateNClob");
    }

    @Override
    public void updateNCharacterStream(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(java.lang.String p0, java.io.Reader p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateNCharacterStream");
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateCharacterStream");
    }

    @Override
    public void updateAsciiStream(java.lang.String p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(java.lang.String p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(java.lang.String p0, java.io.Reader p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateCharacterStream");
    }

    @Override
    public void updateBlob(int p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBlob");
    }

    @Override
    public void updateBlob(java.lang.String p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateBlob");
    }

    @Override
    public void updateClob(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateClob");
    }

    @Override
    public void updateClob(java.lang.String p0, java.io.Reader p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateClob");
    }

    @Override
    public void updateNClob(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateNClob");
    }

    @Override
    public void updateNClob(java.lang.String p0, java.io.Reader p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateNClob");
    }

    @Override
    public <T> T getObject(int p0, java.lang.Class<T> p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getObject");
    }

    @Override
    public <T> T getObject(java.lang.String p0, java.lang.Class<T> p1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("getObject");
    }

    @Override
    public void updateObject(int p0, java.lang.Object p1, java.sql.SQLType p2, int p3) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateObject");
    }

    @Override
    public void updateObject(java.lang.String p0, java.lang.Object p1, java.sql.SQLType p2, int p3)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateObject");
    }

    @Override
    public void updateObject(int p0, java.lang.Object p1, java.sql.SQLType p2) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateObject");
    }

    @Override
    public void updateObject(java.lang.String p0, java.lang.Object p1, java.sql.SQLType p2)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("updateObject");
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
