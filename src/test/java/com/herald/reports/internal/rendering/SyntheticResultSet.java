package com.herald.reports.internal.rendering;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * {@code rows} generated rows of 10 mixed-type columns, as an orders report would have: BIGINT id, VARCHAR customer,
 * VARCHAR region, DATE, DATETIME, INT quantity, DECIMAL(12,2) amount, DOUBLE discount, BOOLEAN paid, VARCHAR note
 * (null in every third row, with commas and quotes in some). Deterministic; nothing is kept in memory but the row
 * number.
 */
final class SyntheticResultSet extends TestResultSet {

    private static final String[] REGIONS = {"North", "South", "East", "West", "Central", "Overseas"};
    private static final String[] CUSTOMERS = new String[1000];
    private static final String[] NOTES = {
        "Express delivery", "Gift wrap, please", "Call before \"delivery\"", "Leave at the door", "Fragile"
    };
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDateTime START_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);

    static {
        for (int i = 0; i < CUSTOMERS.length; i++) {
            CUSTOMERS[i] = "Customer " + i + " GmbH";
        }
    }

    private final long rows;
    private long row = -1;

    SyntheticResultSet(long rows) {
        super(
                Col.of("order_id", Types.BIGINT),
                Col.of("customer", Types.VARCHAR),
                Col.of("region", Types.VARCHAR),
                Col.of("order_date", Types.DATE),
                Col.of("created_at", Types.TIMESTAMP),
                Col.of("quantity", Types.INTEGER),
                Col.of("amount", Types.DECIMAL),
                Col.of("discount", Types.DOUBLE),
                Col.of("paid", Types.BIT),
                Col.of("note", Types.VARCHAR));
        this.rows = rows;
    }

    @Override
    protected boolean advance() {
        return ++row < rows;
    }

    @Override
    protected Object valueAt(int index) {
        long r = row;
        return switch (index) {
            case 0 -> r + 1;
            case 1 -> CUSTOMERS[(int) (r * 7919 % CUSTOMERS.length)];
            case 2 -> REGIONS[(int) (r % REGIONS.length)];
            case 3 -> START.plusDays(r % 730);
            case 4 -> START_TIME.plusSeconds(r * 61);
            case 5 -> (long) (r % 50 + 1);
            case 6 -> BigDecimal.valueOf(r * 37 % 1_000_000 + 99, 2);
            case 7 -> (r % 20) / 100.0;
            case 8 -> r % 3 != 0;
            case 9 -> r % 3 == 0 ? null : NOTES[(int) (r % NOTES.length)];
            default -> throw new IndexOutOfBoundsException(index);
        };
    }
}
