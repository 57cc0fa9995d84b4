package com.herald.platform;

/** LIKE patterns from user input: %, _ and \ match themselves, never as wildcards. */
public final class SqlLike {

    private SqlLike() {}

    public static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A pattern for "contains", or null for no filter. */
    public static String contains(String value) {
        return value == null ? null : "%" + escape(value) + "%";
    }

    /** A pattern for "starts with", or null for no filter. */
    public static String startsWith(String value) {
        return value == null ? null : escape(value) + "%";
    }
}
