package com.wise.hub.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.Locale;
import java.util.Set;

/**
 * The response as routes write it, letting through only the headers the API documents. Camel's
 * HTTP binding copies message headers to the response, so without this a request header or a
 * multipart form field would be echoed back to the client.
 */
final class DocumentedHeadersOnly extends HttpServletResponseWrapper {

    private static final Set<String> ALLOWED = Set.of("content-type", "content-length", "content-disposition",
            "content-language", "content-encoding", "transfer-encoding", "cache-control", "retry-after", "allow",
            "location", "etag", "vary", "x-request-id", "x-engine", "x-engine-attempts", "x-cache",
            "idempotent-replayed", "www-authenticate", "x-accel-buffering");
    private static final String RATE_LIMIT_PREFIX = "x-ratelimit-";

    DocumentedHeadersOnly(HttpServletResponse response) {
        super(response);
    }

    static boolean allowed(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return ALLOWED.contains(lower) || lower.startsWith(RATE_LIMIT_PREFIX);
    }

    @Override
    public void setHeader(String name, String value) {
        if (allowed(name) && !isRequestId(name)) {
            super.setHeader(name, value);
        }
        if (name.equalsIgnoreCase("content-type")) {
            noBufferingOfEventStreams(value);
        }
    }

    @Override
    public void setContentType(String type) {
        super.setContentType(type);
        noBufferingOfEventStreams(type);
    }

    /**
     * An event stream (chat with {@code stream: true}) may be neither kept nor buffered by a proxy. Set here
     * because a route cannot: Camel's HTTP header filter never copies {@code Cache-Control} from a message.
     */
    private void noBufferingOfEventStreams(String type) {
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
            super.setHeader("Cache-Control", "no-cache");
            super.setHeader("X-Accel-Buffering", "no");
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (allowed(name) && !isRequestId(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (allowed(name)) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (allowed(name)) {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void setDateHeader(String name, long date) {
        if (allowed(name)) {
            super.setDateHeader(name, date);
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        if (allowed(name)) {
            super.addDateHeader(name, date);
        }
    }

    /** The request filter already set the one {@code X-Request-Id}; a route's copy would duplicate it. */
    private static boolean isRequestId(String name) {
        return RequestIds.HEADER.equalsIgnoreCase(name);
    }
}
