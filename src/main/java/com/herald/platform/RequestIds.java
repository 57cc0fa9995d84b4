package com.herald.platform;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The id of the request being served: in every log line, error page and API error envelope. */
public final class RequestIds {

    public static final String HEADER = "X-Correlation-ID";
    public static final String MDC_KEY = "request_id";
    private static final Pattern UUID_PATTERN =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private RequestIds() {}

    /** The current request id, or a fresh one outside a request. */
    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }

    /** A client-sent id is reused only when it is a UUID, so nothing else reaches logs or headers. */
    public static String acceptOrCreate(String clientValue) {
        if (clientValue != null && UUID_PATTERN.matcher(clientValue).matches()) {
            return clientValue.toLowerCase(java.util.Locale.ROOT);
        }
        return UUID.randomUUID().toString();
    }
}
