package com.wise.enginepack.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A request the pack cannot answer with a result, with the HTTP status and the message a client
 * developer can act on; {@link ErrorResponder} renders it in the endpoint's own error shape.
 */
public class EngineProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;

    private EngineProblem(int status, String code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** 400: the request itself is wrong (missing field, unknown voice or language, bad value). */
    public static EngineProblem badRequest(String message) {
        return new EngineProblem(400, "invalid_request", message, null);
    }

    /** 422: the audio cannot be decoded or used; the message is the engine's own reason. */
    public static EngineProblem badAudio(String message) {
        return new EngineProblem(422, "invalid_audio", message, null);
    }

    /** 503 with Retry-After: every slot of the engine stayed busy for the whole queue timeout. */
    public static EngineProblem busy(String engine, Duration retryAfter) {
        return new EngineProblem(503, "engine_busy",
                "engine " + engine + " is busy: no free slot within the queue timeout", retryAfter);
    }

    /** 504: a child process ran past its timeout and was killed. */
    public static EngineProblem timedOut(String program, Duration timeout) {
        return new EngineProblem(504, "engine_timeout",
                program + " did not finish within " + timeout.toSeconds() + " s and was stopped", null);
    }

    /** 500: the engine itself failed (could not start, crashed, or answered nonsense). */
    public static EngineProblem failed(String message) {
        return new EngineProblem(500, "engine_error", message, null);
    }

    public int status() {
        return status;
    }

    /** A short machine-readable name for the condition, e.g. {@code invalid_audio}. */
    public String code() {
        return code;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
