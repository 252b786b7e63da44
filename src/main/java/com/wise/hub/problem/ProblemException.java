package com.wise.hub.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot be served, described as an RFC 9457 problem: the one exception a bean
 * throws to give the client a 4xx or 5xx. {@link ProblemResponder} turns it into
 * {@code application/problem+json}; nothing else writes error bodies.
 */
public class ProblemException extends RuntimeException {

    /** Prefix of every problem {@code type}; the slug after it is documented in docs/api.md. */
    public static final String TYPE_PREFIX = "urn:wise-ai-hub:problem:";

    private final int status;
    private final String slug;
    private final String type;
    private final String title;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private String param;

    /**
     * @param status HTTP status, 400..599
     * @param slug   short kebab-case name of the problem, e.g. {@code engine-unavailable}
     * @param title  what kind of problem it is, the same for every occurrence
     * @param detail what went wrong this time and what the client can do about it
     */
    public ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("problem status must be 4xx or 5xx, was " + status);
        }
        this.status = status;
        this.slug = slug;
        this.type = TYPE_PREFIX + slug;
        this.title = title;
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(400, slug, "Bad request", detail);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported media type", detail);
    }

    public static ProblemException payloadTooLarge(String detail) {
        return new ProblemException(413, "payload-too-large", "Payload too large", detail);
    }

    /** 503 for a capability whose engine URL was left unset in the deployment. */
    public static ProblemException engineNotConfigured(String capability, String variable) {
        return new ProblemException(503, "engine-not-configured", "Engine not configured",
                "The " + capability + " engine is not configured on this hub (set " + variable + ").");
    }

    /** 503 that tells the client when to try again. */
    public static ProblemException serviceUnavailable(String slug, String title, String detail, Duration retryAfter) {
        return new ProblemException(503, slug, title, detail).retryAfter(retryAfter);
    }

    /** Adds a {@code Retry-After} header in whole seconds, at least 1. */
    public ProblemException retryAfter(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return header("Retry-After", Long.toString(seconds));
    }

    /** Adds a response header, e.g. {@code X-RateLimit-Remaining}. */
    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Adds a member to the problem body beside the standard ones, e.g. {@code attempts}. */
    public ProblemException extension(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /** Names the request field at fault, e.g. {@code voice}; shown as {@code error.param}. */
    public ProblemException param(String field) {
        this.param = field;
        return this;
    }

    public int status() {
        return status;
    }

    /** The short name of the problem, {@link #type()} without {@link #TYPE_PREFIX}. */
    public String slug() {
        return slug;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** The request field at fault, or {@code null} when the problem is not about one field. */
    public String param() {
        return param;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
