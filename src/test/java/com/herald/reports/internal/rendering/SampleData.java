package com.herald.reports.internal.rendering;

import com.herald.reports.internal.rendering.TestResultSet.Col;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** A small result set with every kind of value, nulls, and hostile text. */
final class SampleData {

    static final String SCRIPT = "<script>alert('x')</script>";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";
    static final String SQL = "'; DROP TABLE users; --";
    static final BigDecimal UNSIGNED_MAX = new BigDecimal("18446744073709551615");

    private SampleData() {}

    static Col[] columns() {
        return new Col[] {
            Col.of("id", Types.BIGINT),
            Col.of("Customer name", Types.VARCHAR),
            Col.of("amount", Types.DECIMAL),
            Col.of("ratio", Types.DOUBLE),
            Col.of("active", Types.BIT),
            Col.of("day", Types.DATE),
            Col.of("created_at", Types.TIMESTAMP),
            Col.of("at_time", Types.TIME),
            new Col("big", Types.BIGINT, 20, false),
            Col.of("note", Types.VARCHAR)
        };
    }

    static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {
            1L,
            "Zürich, \"Ltd\"",
            new BigDecimal("1234.50"),
            0.25,
            true,
            LocalDate.of(2026, 11, 23),
            LocalDateTime.of(2026, 11, 23, 8, 5, 0),
            LocalTime.of(8, 30),
            UNSIGNED_MAX,
            "line 1\nline 2"
        });
        rows.add(new Object[] {2L, SCRIPT, new BigDecimal("1E-18"), null, false, null, null, null, null, null});
        rows.add(new Object[] {
            3L,
            FORMULA,
            new BigDecimal("-0.10"),
            1.0e9,
            null,
            LocalDate.of(1999, 1, 2),
            LocalDateTime.of(2026, 3, 29, 2, 30, 15, 123_000_000),
            LocalTime.of(23, 59, 59),
            BigDecimal.ONE,
            SQL
        });
        return rows;
    }

    static TestResultSet resultSet() {
        return TestResultSet.of(rows(), columns());
    }

    /** {@code n} simple rows: id, text, amount. */
    static TestResultSet numbered(int n) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(new Object[] {(long) i, "Row number " + i, BigDecimal.valueOf(i * 101L, 2)});
        }
        return TestResultSet.of(
                rows, Col.of("Row id", Types.BIGINT), Col.of("Label", Types.VARCHAR), Col.of("Amount", Types.DECIMAL));
    }
}
