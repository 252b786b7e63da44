package com.wise.hub.engine;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.InterruptedIOException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.processor.ThrottlerRejectedExecutionException;

/**
 * How one engine attempt ended, whatever the engine's protocol (HTTP status or gRPC status code);
 * {@link #label()} is what X-Engine-Attempts, problem bodies and the {@code outcome} metric tag show.
 */
public enum EngineOutcome {
    /** The engine answered 2xx. */
    OK("ok"),
    /** The engine answered a 4xx that blames the request (not 408 or 429): the chain ends. */
    CLIENT_ERROR("client-error"),
    /** The engine answered 5xx, or gRPC INTERNAL, UNKNOWN, ABORTED, CANCELLED or DATA_LOSS. */
    SERVER_ERROR("5xx"),
    /**
     * The engine refused the hub itself: 401, 403 (its key expired or is wrong), 404, 405 (a wrong URL
     * or path); over gRPC any refusal of a request the hub built (NOT_FOUND "unknown model",
     * INVALID_ARGUMENT, UNIMPLEMENTED, PERMISSION_DENIED, UNAUTHENTICATED, FAILED_PRECONDITION, ...);
     * or it serves another model contract than the configured one ({@link EngineMisconfigured}). The
     * hub's configuration is at fault, not the client's request; alert-worthy.
     */
    MISCONFIGURED("misconfigured"),
    /** The engine answered, but not with what the capability expects: a 3xx, or a 2xx that is not audio or JSON. */
    BAD_ANSWER("bad-answer"),
    /** The engine answered 429 Too Many Requests, or gRPC RESOURCE_EXHAUSTED. */
    TOO_MANY_REQUESTS("429"),
    /**
     * No connection or no answer in time (connect timeout, response timeout, deadline cut, HTTP 408,
     * gRPC DEADLINE_EXCEEDED).
     */
    TIMEOUT("timeout"),
    /** Connection refused, reset or closed, unknown host; gRPC UNAVAILABLE. */
    UNREACHABLE("unreachable"),
    /** Skipped: the engine's circuit breaker is open (or half-open with its trial calls taken). */
    CIRCUIT_OPEN("circuit-open"),
    /** Skipped: the engine's in-flight cap on this replica is reached. */
    SATURATED("saturated"),
    /** Skipped: the engine has no URL on this deployment. */
    NOT_CONFIGURED("not-configured"),
    /** Not tried: the request's deadline had passed. */
    DEADLINE("deadline"),
    /** Anything else, e.g. an unexpected 4xx such as 410; treated like a server error. */
    ERROR("error");

    private final String label;

    EngineOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when the engine was not called at all (its breaker, its cap, its configuration or the clock said no). */
    public boolean skipped() {
        return this == CIRCUIT_OPEN || this == SATURATED || this == NOT_CONFIGURED || this == DEADLINE;
    }

    /** True when the request should go on to the next engine. */
    public boolean failsOver() {
        return this != OK && this != CLIENT_ERROR;
    }

    /** Classifies the failure of an engine call, looking through wrapping exceptions. */
    public static EngineOutcome of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ThrottlerRejectedExecutionException) {
                return SATURATED;
            }
            if (t instanceof CallNotPermittedException) {
                return CIRCUIT_OPEN;
            }
            if (t instanceof EngineAnswerRejected) {
                return BAD_ANSWER;
            }
            if (t instanceof EngineMisconfigured) {
                return MISCONFIGURED;
            }
            if (t instanceof StatusRuntimeException grpc) {
                return of(grpc.getStatus().getCode());
            }
            if (t instanceof StatusException grpc) {
                return of(grpc.getStatus().getCode());
            }
            if (t instanceof HttpOperationFailedException http) {
                int status = http.getStatusCode();
                return status >= 500 ? SERVER_ERROR : status == 429 ? TOO_MANY_REQUESTS
                        : status == 408 ? TIMEOUT
                        : status == 401 || status == 403 || status == 404 || status == 405 ? MISCONFIGURED
                        : status >= 300 && status < 400 ? BAD_ANSWER : ERROR;
            }
            if (t instanceof InterruptedIOException) {
                return TIMEOUT;
            }
            if (t instanceof IOException) {
                return UNREACHABLE;
            }
        }
        return ERROR;
    }

    /** A gRPC call's failure: unavailable, slow, overloaded or failing servers; refusals are the hub's fault. */
    private static EngineOutcome of(Status.Code code) {
        return switch (code) {
            case UNAVAILABLE -> UNREACHABLE;
            case DEADLINE_EXCEEDED -> TIMEOUT;
            case RESOURCE_EXHAUSTED -> TOO_MANY_REQUESTS;
            case INTERNAL, UNKNOWN, ABORTED, CANCELLED, DATA_LOSS -> SERVER_ERROR;
            case OK -> ERROR;
            // NOT_FOUND, INVALID_ARGUMENT, UNIMPLEMENTED, PERMISSION_DENIED, UNAUTHENTICATED,
            // FAILED_PRECONDITION, OUT_OF_RANGE, ALREADY_EXISTS: the hub built the request
            default -> MISCONFIGURED;
        };
    }
}
