package com.wise.hub.engine;

import com.wise.hub.capability.Capabilities;
import com.wise.hub.capability.Capability;
import com.wise.hub.request.RequestContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.support.MessageHelper;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code direct:engine-failover} (routes/shared/engine-failover.yaml): plan the chain
 * from the capability's declaration, pick the next engine to call within the deadline, and at the end
 * either mark the answer with the engine that gave it or throw the problem that sums up the chain.
 */
@Component("engineFailover")
public class EngineFailover {

    private final EngineCatalog catalog;
    private final EngineMetrics metrics;
    private final EngineProblems problems;
    private final Capabilities capabilities;
    private final Clock clock;

    EngineFailover(EngineCatalog catalog, EngineMetrics metrics, EngineProblems problems, Capabilities capabilities,
            Clock clock) {
        this.catalog = catalog;
        this.metrics = metrics;
        this.problems = problems;
        this.capabilities = capabilities;
        this.clock = clock;
    }

    /**
     * Plans the chain and selects the first engine: the engines of the capability's declaration
     * ({@code hub.capabilities.<name>}) for the request's voice, model or language, within its deadline.
     *
     * @throws IllegalArgumentException when the route set the in-properties wrongly (a 500: a route bug)
     */
    public void start(Exchange exchange) {
        Capability capability = capabilities.get(required(exchange, RequestContext.CAPABILITY));
        @SuppressWarnings("unchecked")
        List<String> chosen = exchange.getProperty(RequestContext.ENGINE_CHAIN, List.class);
        List<String> engines = chosen != null ? chosen : capability.chain(exchange.getProperty(RequestContext.VOICE, String.class),
                exchange.getProperty(RequestContext.MODEL, String.class),
                exchange.getProperty(RequestContext.LANGUAGE, String.class));
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("hub.capabilities." + capability.name() + ".engines lists no engine");
        }
        String path = exchange.getProperty(RequestContext.ENGINE_PATH, String.class);
        if (path != null && !path.startsWith("/")) {
            throw new IllegalArgumentException(RequestContext.ENGINE_PATH + " must start with '/', was '" + path + "'");
        }
        if (path == null && engines.stream().map(catalog::get).anyMatch(EngineSettings::http)) {
            throw new IllegalArgumentException("exchange property " + RequestContext.ENGINE_PATH + " must be set before "
                    + "direct:engine-failover when an HTTP engine is listed: " + engines);
        }
        EngineAttempts attempts = new EngineAttempts(capability.name(), engines,
                clock.instant().plus(capability.deadline()));
        exchange.setProperty(RequestContext.ENGINE_ATTEMPTS, attempts);
        // Engine answers spooled to disk inside the engine-call route must live until the client has them.
        exchange.setProperty(ExchangePropertyKey.STREAM_CACHE_UNIT_OF_WORK, exchange.getUnitOfWork());
        selectNext(exchange, attempts);
    }

    /** After an attempt: stops when an engine answered or rejected the request, else selects the next engine. */
    public void advance(Exchange exchange) {
        EngineAttempts attempts = exchange.getProperty(RequestContext.ENGINE_ATTEMPTS, EngineAttempts.class);
        if (attempts.settled()) {
            exchange.removeProperty(RequestContext.ENGINE);
            return;
        }
        EventStreamWaits.Wait wait = EventStreamWaits.of(exchange);
        if (wait != null && wait.clientGone()) {
            // A begun stream whose client went away while it waited: no engine is asked for an answer nobody reads.
            exchange.removeProperty(RequestContext.ENGINE);
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
        EngineAttempts attempts = exchange.getProperty(RequestContext.ENGINE_ATTEMPTS, EngineAttempts.class);
        String winner = attempts.answeredBy().orElseThrow(() -> problems.chainFailed(attempts));
        Message message = exchange.getMessage();
        message.setHeader("X-Engine", winner);
        message.setHeader("X-Engine-Attempts", attempts.summary());
    }

    private void selectNext(Exchange exchange, EngineAttempts attempts) {
        exchange.removeProperty(RequestContext.ENGINE);
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
            exchange.setProperty(RequestContext.ENGINE, engine.id());
            exchange.setProperty(RequestContext.ATTEMPT_TIMEOUT, Math.min(left.toMillis(), engine.responseTimeout().toMillis()));
            attempts.begin(engine.id(), clock.instant());
            // The request now costs an engine call: it keeps its quota unit, whatever the engine answers.
            exchange.setProperty(RequestContext.ENGINE_CALLED, true);
            MessageHelper.resetStreamCache(exchange.getMessage());
            return;
        }
    }

    private static String required(Exchange exchange, String name) {
        String value = exchange.getProperty(name, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("exchange property " + name + " must be set before direct:engine-failover");
        }
        return value;
    }
}
