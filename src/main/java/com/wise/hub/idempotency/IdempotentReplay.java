package com.wise.hub.idempotency;

import com.wise.hub.request.RequestContext;
import com.wise.hub.problem.ProblemException;
import com.wise.hub.redis.HubRedis;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Answers a duplicate request (one whose {@code Idempotency-Key} is already taken) in
 * routes/idempotency.yaml: the first request's response with {@code Idempotent-Replayed: true},
 * 422 when the key was first used for a different request, 409 with {@code Retry-After} while
 * the first request still runs.
 */
@Component("idempotentReplay")
public class IdempotentReplay {

    /** Response header on a replayed response. */
    public static final String HEADER = "Idempotent-Replayed";

    private final RedisIdempotentRepository repository;
    private final HubRedis redis;
    private final IdempotencyOutcomes outcomes;

    IdempotentReplay(RedisIdempotentRepository repository, HubRedis redis, IdempotencyOutcomes outcomes) {
        this.repository = repository;
        this.redis = redis;
        this.outcomes = outcomes;
    }

    /**
     * Does nothing unless the exchange is a duplicate; then replays, or throws.
     *
     * @throws ProblemException 422 when the key belongs to a different request; 409 (with
     *                          {@code Retry-After}) while the first request runs
     */
    public void replay(Exchange exchange) {
        if (!Boolean.TRUE.equals(exchange.getProperty(Exchange.DUPLICATE_MESSAGE, Boolean.class))) {
            return;
        }
        String key = exchange.getProperty(RequestContext.IDEMPOTENCY_KEY, String.class);
        Optional<IdempotencyRecord> found;
        try {
            found = repository.find(key);
        } catch (RuntimeException e) {
            // counted by HubRedis
            outcomes.count(IdempotencyOutcomes.BYPASS);
            return;
        }
        if (found.isPresent() && !found.get().fingerprint().equals(IdempotencyKeys.fingerprint(exchange))) {
            outcomes.count(IdempotencyOutcomes.MISMATCH);
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request; send a new key for a new request.");
        }
        if (found.isEmpty() || found.get().inFlight()) {
            outcomes.count(IdempotencyOutcomes.CONFLICT);
            throw new ProblemException(409, "idempotency-in-progress", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry after the Retry-After delay "
                            + "to receive its response.").retryAfter(repository.retryAfter());
        }
        found.get().response().applyTo(exchange.getMessage());
        exchange.getMessage().setHeader(HEADER, "true");
        exchange.setProperty(RequestContext.REPLAYED, true);
        outcomes.count(IdempotencyOutcomes.REPLAYED);
    }
}
