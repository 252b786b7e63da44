package com.wise.hub.engine;

import com.wise.hub.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.support.MessageHelper;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code direct:engine-failover} (routes/shared/engine-failover.yaml): read what the
 * capability route asked for, pick the next engine to call within the deadline, and at the end
 * either mark the answer with the engine that gave it or throw the problem that sums up the chain.
 */
@Component("engineFailover")
public class EngineFailover {

    /** In: the capability being served, e.g. {@code stt}; also the failover metric tag. */
    public static final String CAPABILITY = "hubCapability";
    /** In: ordered {@code List<String>} (or comma-separated text) of engine ids to try. */
    public static final String ENGINES = "hubEngines";
    /** In, for HTTP engines: path on the engine, e.g. {@code /v1/audio/transcriptions}; gRPC engines need none. */
    public static final String PATH = "hubEnginePath";
    /** In, optional: {@link Duration} (or text such as {@code 60s}) for the whole chain. */
    public static final String DEADLINE = "hubDeadline";
    /** While running: the engine being called, or absent when the chain is over. */
    public static final String ENGINE = "hubEngine";
    /** While running: the {@link EngineAttempts} of this request. */
    public static final String ATTEMPTS = "hubEngineAttempts";
    /** While running: milliseconds the current attempt may wait for its answer. */
    static final String ATTEMPT_TIMEOUT = "hubAttemptTimeout";

    private final EngineCatalog catalog;
    private final EngineMetrics metrics;
    private final EngineProblems problems;
    private final Duration defaultDeadline;
    private final Clock clock;

    EngineFailover(EngineCatalog catalog, EngineMetrics metrics, EngineProblems problems, EngineProperties properties,
            Clock clock) {
        this.catalog = catalog;
        this.metrics = metrics;
        this.problems = problems;
        this.defaultDeadline = properties.defaults().deadline();
        this.clock = clock;
    }

    /**
     * Checks the in-properties and selects the first engine.
     *
     * @throws IllegalArgumentException when the capability route set them wrongly (a 500: a route bug)
     */
    public void start(Exchange exchange) {
        String capability = required(exchange, CAPABILITY);
        List<String> engines = engines(exchange.getProperty(ENGINES));
        String path = exchange.getProperty(PATH, String.class);
        if (path != null && !path.startsWith("/")) {
            throw new IllegalArgumentException(PATH + " must start with '/', was '" + path + "'");
        }
        if (path == null && engines.stream().map(catalog::get).anyMatch(EngineSettings::http)) {
            throw new IllegalArgumentException("exchange property " + PATH + " must be set before "
                    + "direct:engine-failover when an HTTP engine is listed: " + engines);
        }
        engines.forEach(catalog::get);
        EngineAttempts attempts = new EngineAttempts(capability, engines, clock.instant().plus(deadline(exchange)));
        exchange.setProperty(ATTEMPTS, attempts);
        // Engine answers spooled to disk inside the engine-call route must live until the client has them.
        exchange.setProperty(ExchangePropertyKey.STREAM_CACHE_UNIT_OF_WORK, exchange.getUnitOfWork());
        selectNext(exchange, attempts);
    }

    /** After an attempt: stops when an engine answered or rejected the request, else selects the next engine. */
    public void advance(Exchange exchange) {
        EngineAttempts attempts = exchange.getProperty(ATTEMPTS, EngineAttempts.class);
        if (attempts.settled()) {
            exchange.removeProperty(ENGINE);
            return;
        }
        selectNext(exchange, attempts);
    }

    /**
     * Marks the engine's answer with {@code X-Engine} and {@code X-Engine-Attempts}.
     *
     * @throws com.wise.hub.problem.ProblemException when no engine answered: the engine's 4xx as 400/413/415/422,
     *                                               else 502, 503 (with Retry-After) or 504
     */
    public void finish(Exchange exchange) {
        EngineAttempts attempts = exchange.getProperty(ATTEMPTS, EngineAttempts.class);
        String winner = attempts.answeredBy().orElseThrow(() -> problems.chainFailed(attempts));
        Message message = exchange.getMessage();
        message.setHeader("X-Engine", winner);
        message.setHeader("X-Engine-Attempts", attempts.summary());
    }

    private void selectNext(Exchange exchange, EngineAttempts attempts) {
        exchange.removeProperty(ENGINE);
        while (attempts.hasMorePlanned()) {
            EngineSettings engine = catalog.get(attempts.takeNextPlanned());
            if (!engine.configured()) {
                attempts.record(engine.id(), EngineOutcome.NOT_CONFIGURED);
                continue;
            }
            Duration left = Duration.between(clock.instant(), attempts.deadline());
            if (left.isNegative() || left.isZero()) {
                attempts.record(engine.id(), EngineOutcome.DEADLINE);
                continue;
            }
            attempts.lastLeft().ifPresent(from -> metrics.failover(attempts.capability(), from, engine.id()));
            exchange.setProperty(ENGINE, engine.id());
            exchange.setProperty(ATTEMPT_TIMEOUT, Math.min(left.toMillis(), engine.responseTimeout().toMillis()));
            attempts.begin(engine.id(), clock.instant());
            // The request now costs an engine call: it keeps its quota unit, whatever the engine answers.
            exchange.setProperty(RateLimiter.ENGINE_CALLED, true);
            MessageHelper.resetStreamCache(exchange.getMessage());
            return;
        }
    }

    private Duration deadline(Exchange exchange) {
        Object value = exchange.getProperty(DEADLINE);
        Duration deadline = value == null ? defaultDeadline
                : value instanceof Duration d ? d : DurationStyle.detectAndParse(value.toString());
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException(DEADLINE + " must be positive, was " + deadline);
        }
        return deadline;
    }

    private static List<String> engines(Object value) {
        List<String> engines = value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : value == null ? List.of()
                : Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (engines.isEmpty()) {
            throw new IllegalArgumentException(ENGINES + " must list at least one engine id");
        }
        return engines;
    }

    private static String required(Exchange exchange, String name) {
        String value = exchange.getProperty(name, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("exchange property " + name + " must be set before direct:engine-failover");
        }
        return value;
    }
}
