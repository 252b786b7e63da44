package com.wise.hub.idempotency;

import com.wise.hub.cache.ResponseBody;
import com.wise.hub.cache.StoredResponse;
import com.wise.hub.redis.HubRedis;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.redisson.api.RBucket;
import org.redisson.client.codec.ByteArrayCodec;
import org.springframework.stereotype.Component;

/**
 * The Redis-backed repository of Camel's idempotentConsumer EIP in routes/idempotency.yaml
 * (eager, completionEager, skipDuplicate false). {@code add} claims the key for
 * {@code hub.idempotency.in-flight-ttl} with the request's fingerprint; {@code confirm} keeps the
 * response for {@code hub.idempotency.ttl} when it is worth replaying (below 500, and not 408,
 * 409, 425 or 429), otherwise frees the key so a retry runs again; {@code remove} frees the key.
 * A duplicate exchange never changes the record it was compared with. When Redis fails the
 * request runs without idempotency (counted in {@code hub_redis_errors_total}).
 * Camel's string-only methods work on keys alone; {@code clear} does nothing, because records of
 * every replica share Redis and expire by themselves.
 */
@Component("idempotencyRepository")
public class RedisIdempotentRepository extends ServiceSupport implements IdempotentRepository {

    /** Exchange property set when Redis failed: the request goes on without idempotency. */
    static final String SKIPPED = "hubIdempotencySkipped";
    static final List<String> KEPT_HEADERS = List.of("X-Engine", "X-Engine-Attempts", "X-Cache");
    private static final Set<Integer> NOT_REPLAYED = Set.of(408, 409, 425, 429);

    private final IdempotencyProperties properties;
    private final HubRedis redis;
    private final IdempotencyOutcomes outcomes;

    RedisIdempotentRepository(IdempotencyProperties properties, HubRedis redis, IdempotencyOutcomes outcomes) {
        this.properties = properties;
        this.redis = redis;
        this.outcomes = outcomes;
    }

    @Override
    public boolean add(Exchange exchange, String key) {
        return claim(exchange, key, IdempotencyKeys.fingerprint(exchange));
    }

    @Override
    public boolean confirm(Exchange exchange, String key) {
        if (isDuplicateOrSkipped(exchange)) {
            return false;
        }
        Message message = exchange.getMessage();
        int status = StoredResponse.statusOf(message);
        try {
            Optional<byte[]> body = status < 500 && !NOT_REPLAYED.contains(status)
                    ? ResponseBody.readUpTo(message, properties.maxResponseSize().toBytes()) : Optional.empty();
            if (body.isEmpty()) {
                redis.call("idempotency-confirm", () -> bucket(key).delete());
                return false;
            }
            byte[] record = new IdempotencyRecord(IdempotencyKeys.fingerprint(exchange),
                    StoredResponse.of(message, body.get(), KEPT_HEADERS)).encode();
            redis.call("idempotency-confirm", () -> {
                bucket(key).set(record, properties.ttl());
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            // counted by HubRedis.call: the response is sent but not kept for replay
            return false;
        }
    }

    @Override
    public boolean remove(Exchange exchange, String key) {
        return !isDuplicateOrSkipped(exchange) && remove(key);
    }

    @Override
    public boolean contains(Exchange exchange, String key) {
        return contains(key);
    }

    @Override
    public boolean add(String key) {
        return claim(null, key, "");
    }

    @Override
    public boolean contains(String key) {
        try {
            return redis.call("idempotency-contains", () -> bucket(key).isExists());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean remove(String key) {
        try {
            return redis.call("idempotency-remove", () -> bucket(key).delete());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        // Nothing to do: see the class comment.
    }

    /**
     * The record of {@code key}, if any.
     *
     * @throws RuntimeException when Redis fails or does not answer
     */
    Optional<IdempotencyRecord> find(String key) {
        byte[] bytes = redis.call("idempotency-replay", () -> bucket(key).get());
        return bytes == null ? Optional.empty() : Optional.of(IdempotencyRecord.decode(bytes));
    }

    Duration retryAfter() {
        return properties.retryAfter();
    }

    private boolean claim(Exchange exchange, String key, String fingerprint) {
        try {
            // Not retried: a claim whose reply was lost would find its own record and see a duplicate.
            boolean claimed = redis.callOnce("idempotency-add", () -> bucket(key).setIfAbsent(
                    IdempotencyRecord.inFlight(fingerprint).encode(), properties.inFlightTtl()));
            if (claimed) {
                outcomes.count(IdempotencyOutcomes.NEW);
            }
            return claimed;
        } catch (RuntimeException e) {
            outcomes.count(IdempotencyOutcomes.BYPASS);
            if (exchange != null) {
                exchange.setProperty(SKIPPED, true);
            }
            return true;
        }
    }

    private static boolean isDuplicateOrSkipped(Exchange exchange) {
        return Boolean.TRUE.equals(exchange.getProperty(Exchange.DUPLICATE_MESSAGE, Boolean.class))
                || Boolean.TRUE.equals(exchange.getProperty(SKIPPED, Boolean.class));
    }

    private RBucket<byte[]> bucket(String key) {
        return redis.client().orElseThrow(() -> new IllegalStateException("Redis is not configured (CACHE_URL)"))
                .getBucket(key, ByteArrayCodec.INSTANCE);
    }
}
