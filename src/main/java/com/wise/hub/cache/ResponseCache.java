package com.wise.hub.cache;

import com.wise.hub.redis.HubRedis;
import com.wise.hub.web.ClientHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Cache-aside for engine answers in Redis: the lookup and store steps of the pipeline template
 * {@code capability-answer} (routes/shared/pipeline.yaml). The request is named by the exchange properties
 * {@link CanonicalRequest#KIND} and {@link CanonicalRequest#HASH}. Every answer carries
 * {@code X-Cache}: HIT (from Redis), MISS (from the engine, stored when it is a 2xx of at most
 * {@code hub.cache.max-entry-size}) or BYPASS (no Redis, Redis failing, caching disabled, or
 * {@code Cache-Control: no-store}). Redis failures never fail the request: they are counted in
 * {@code hub_redis_errors_total} and the request goes on without the cache.
 */
@Component("responseCache")
public class ResponseCache {

    /** Response header saying where the answer came from. */
    public static final String HEADER = "X-Cache";
    /** Exchange property, true when {@link #lookup} answered from the cache. */
    public static final String HIT = "hubCacheHit";

    private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);
    private static final String PENDING = "hubCachePending";
    private static final List<String> KEPT_HEADERS = List.of("X-Engine");

    private final CacheProperties properties;
    private final HubRedis redis;
    private final SingleFlight singleFlight;
    private final CacheOutcomes outcomes;

    ResponseCache(CacheProperties properties, HubRedis redis, SingleFlight singleFlight, CacheOutcomes outcomes) {
        this.properties = properties;
        this.redis = redis;
        this.singleFlight = singleFlight;
        this.outcomes = outcomes;
    }

    /**
     * Answers from the cache (HIT: the message becomes the stored response, {@link #HIT} is true)
     * or prepares {@link #store} (MISS). An identical miss already being answered, here or on
     * another replica, is waited for (bounded by {@code hub.cache.flight-wait}) and then read.
     *
     * @throws IllegalStateException when the route did not name the request or its kind has no TTL
     */
    public void lookup(Exchange exchange) {
        String kind = exchange.getProperty(CanonicalRequest.KIND, String.class);
        String hash = exchange.getProperty(CanonicalRequest.HASH, String.class);
        if (kind == null || hash == null) {
            throw new IllegalStateException("the cache lookup needs the exchange properties "
                    + CanonicalRequest.KIND + " and " + CanonicalRequest.HASH + " (see CanonicalRequest.describe)");
        }
        Pending pending = new Pending(CacheKeys.of(kind, hash), properties.ttlFor(kind));
        exchange.setProperty(HIT, false);
        CacheControl control = CacheControl.of(ClientHeaders.first(exchange, CacheControl.HEADER).orElse(null));
        // A request directive; left on the message, Camel would echo it as a response header.
        exchange.getMessage().removeHeader(CacheControl.HEADER);
        Optional<RedissonClient> client = redis.client();
        if (!properties.enabled() || client.isEmpty() || control.noStore()) {
            outcomes.record(exchange, kind, CacheOutcomes.Result.BYPASS);
            return;
        }
        try {
            if (!control.noCache()) {
                if (answerFromCache(exchange, client.get(), pending.keys)) {
                    outcomes.record(exchange, kind, CacheOutcomes.Result.HIT);
                    return;
                }
                pending.flight = singleFlight.join(client.get(), pending.keys.flight(), exchange).orElse(null);
                // Read once more, whether the flight was won or the wait ran out: the request that held it
                // has usually stored the answer by now.
                if (answerFromCache(exchange, client.get(), pending.keys)) {
                    if (pending.flight != null) {
                        pending.flight.release();
                    }
                    outcomes.record(exchange, kind, CacheOutcomes.Result.HIT);
                    return;
                }
            }
            exchange.setProperty(PENDING, pending);
            outcomes.record(exchange, kind, CacheOutcomes.Result.MISS);
        } catch (RuntimeException e) {
            // counted by HubRedis
            if (pending.flight != null) {
                pending.flight.release();
            }
            outcomes.record(exchange, kind, CacheOutcomes.Result.BYPASS);
        }
    }

    /**
     * Stores the answer prepared by a MISS when it is a 2xx of at most {@code hub.cache.max-entry-size}
     * for {@code hub.cache.ttl.<kind>}, then lets the flight's waiters read it. Does nothing after a
     * HIT or BYPASS. The body becomes bytes (it is sent to the client as well).
     */
    public void store(Exchange exchange) {
        Pending pending = exchange.getProperty(PENDING, Pending.class);
        if (pending == null) {
            return;
        }
        exchange.removeProperty(PENDING);
        Message message = exchange.getMessage();
        try {
            int status = StoredResponse.statusOf(message);
            if (status < 200 || status > 299) {
                return;
            }
            Optional<byte[]> body = ResponseBody.readUpTo(message, properties.maxEntrySize().toBytes());
            if (body.isEmpty()) {
                log.debug("not caching {}: the body is over hub.cache.max-entry-size", pending.keys.entry());
                return;
            }
            byte[] entry = StoredResponse.of(message, body.get(), KEPT_HEADERS).encode();
            redis.call("cache-store", () -> {
                redis.client().orElseThrow().getBucket(pending.keys.entry(), ByteArrayCodec.INSTANCE).set(entry, pending.ttl);
                return null;
            });
        } catch (RuntimeException e) {
            // counted by HubRedis.call; the answer is still sent, just not kept
        } finally {
            if (pending.flight != null) {
                pending.flight.release();
            }
        }
    }

    private boolean answerFromCache(Exchange exchange, RedissonClient client, CacheKeys keys) {
        byte[] entry = redis.call("cache-lookup",
                () -> client.<byte[]>getBucket(keys.entry(), ByteArrayCodec.INSTANCE).get());
        if (entry == null) {
            return false;
        }
        StoredResponse response;
        try {
            response = StoredResponse.decode(entry);
        } catch (IllegalArgumentException e) {
            log.warn("ignoring unreadable cache entry {}: {}", keys.entry(), e.getMessage());
            return false;
        }
        response.applyTo(exchange.getMessage());
        exchange.setProperty(HIT, true);
        return true;
    }

    /** What a MISS leaves for {@link #store}: where to store, for how long, and the flight to release. */
    private static final class Pending {
        private final CacheKeys keys;
        private final Duration ttl;
        private SingleFlight.Flight flight;

        Pending(CacheKeys keys, Duration ttl) {
            this.keys = keys;
            this.ttl = ttl;
        }
    }
}
