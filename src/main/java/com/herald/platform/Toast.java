package com.herald.platform;

import java.io.Serializable;

/**
 * A short notice after an action. Pages show the "toast" flash attribute; htmx responses include the
 * {@code fragments/toast :: oob} fragment, which htmx swaps into the toast area out of band. A flash
 * attribute lives in the session, which Spring Session serializes to the database.
 */
public record Toast(String level, String message) implements Serializable {

    public static final String ATTRIBUTE = "toast";

    public static Toast success(String message) {
        return new Toast("success", message);
    }

    public static Toast error(String message) {
        return new Toast("danger", message);
    }
}
