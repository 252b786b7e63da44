package com.wise.hub.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} rule: keep a well-formed id from the client, otherwise make one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** MDC key under which every log line carries the id. */
    public static final String MDC_KEY = "requestId";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** Returns {@code given} when it matches {@code [A-Za-z0-9._-]{1,64}}, else a new random id. */
    public static String acceptOrGenerate(String given) {
        return given != null && VALID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
