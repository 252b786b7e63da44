package com.wise.hub.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One request's failover chain: the engines still to try, the deadline, and how each engine
 * ended. Lives in the exchange property {@code hubEngineAttempts} while engine-failover runs;
 * used by one exchange at a time, so not thread-safe.
 */
public final class EngineAttempts {

    /** How one engine ended within this request. */
    public record Attempt(String engine, EngineOutcome outcome) {
    }

    /** The 4xx answer of an engine that blamed the request. */
    public record Rejection(String engine, int status, String message) {
    }

    private final String capability;
    private final List<String> plan;
    private final Instant deadline;
    private final List<Attempt> attempts = new ArrayList<>();
    private int nextInPlan;
    private String current;
    private Instant currentStart;
    private Rejection rejection;

    EngineAttempts(String capability, List<String> plan, Instant deadline) {
        this.capability = capability;
        this.plan = List.copyOf(plan);
        this.deadline = deadline;
    }

    public String capability() {
        return capability;
    }

    public Instant deadline() {
        return deadline;
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    boolean hasMorePlanned() {
        return nextInPlan < plan.size();
    }

    String takeNextPlanned() {
        return plan.get(nextInPlan++);
    }

    /** Marks {@code engine} as being called now. */
    void begin(String engine, Instant at) {
        current = engine;
        currentStart = at;
    }

    String current() {
        return current;
    }

    Instant currentStart() {
        return currentStart;
    }

    void record(String engine, EngineOutcome outcome) {
        attempts.add(new Attempt(engine, outcome));
        current = null;
    }

    void reject(String engine, int status, String message) {
        rejection = new Rejection(engine, status, message);
        record(engine, EngineOutcome.CLIENT_ERROR);
    }

    Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection);
    }

    /** The engine that answered 2xx, if one did. */
    public Optional<String> answeredBy() {
        return attempts.stream().filter(a -> a.outcome() == EngineOutcome.OK).map(Attempt::engine).findFirst();
    }

    /** True once an engine answered or rejected the request: no other engine may be called. */
    boolean settled() {
        return !attempts.isEmpty() && !attempts.get(attempts.size() - 1).outcome().failsOver();
    }

    /** The last engine the request moved away from (failed, open or saturated), for the failover meter. */
    Optional<String> lastLeft() {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            EngineOutcome outcome = attempts.get(i).outcome();
            if (outcome != EngineOutcome.NOT_CONFIGURED && outcome != EngineOutcome.DEADLINE) {
                return Optional.of(attempts.get(i).engine());
            }
        }
        return Optional.empty();
    }

    /** {@code stt-1:5xx,stt-2:ok}: the X-Engine-Attempts header and the access log's attempts. */
    public String summary() {
        return attempts.stream().map(a -> a.engine() + ":" + a.outcome().label()).collect(Collectors.joining(","));
    }
}
