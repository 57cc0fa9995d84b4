package com.herald.reports.internal.rendering;

import java.sql.Types;

/** How a column's values are read from JDBC and typed in the output. */
enum ColumnKind {
    TEXT,
    INTEGER,
    DECIMAL,
    FLOAT,
    BOOLEAN,
    DATE,
    TIME,
    DATETIME,
    DATETIME_TZ,
    BINARY;

    boolean numeric() {
        return this == INTEGER || this == DECIMAL || this == FLOAT;
    }

    static ColumnKind of(int jdbcType, int precision, boolean signed) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> INTEGER;
            // BIGINT UNSIGNED does not fit a long
            case Types.BIGINT -> signed ? INTEGER : DECIMAL;
            case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> FLOAT;
            // MariaDB reports TINYINT(1) and BIT(1) as BIT with precision 1
            case Types.BIT -> precision <= 1 ? BOOLEAN : INTEGER;
            case Types.BOOLEAN -> BOOLEAN;
            case Types.DATE -> DATE;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> TIME;
            case Types.TIMESTAMP -> DATETIME;
            case Types.TIMESTAMP_WITH_TIMEZONE -> DATETIME_TZ;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
            default -> TEXT;
        };
    }
}
