package com.wise.hub.web;

import java.io.IOException;

/** A request body grew past its limit while it was being read; the rest of it is never read. */
final class BodyTooLargeException extends IOException {

    private final long limit;
    private final String property;

    BodyTooLargeException(long limit, String property) {
        super("request body is over " + limit + " bytes (" + property + ")");
        this.limit = limit;
        this.property = property;
    }

    long limit() {
        return limit;
    }

    String property() {
        return property;
    }
}
