package com.wise.hub.cache;

import com.wise.hub.request.RequestContext;
import com.wise.hub.capability.Capabilities;
import com.wise.hub.capability.Capability;
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
 * {@code capability-answer} (routes/shared/pipeline.yaml), for a capability that declares a
 * {@code cache-ttl}. The request is named by its capability ({@link RequestContext#CAPABILITY}, the cache
 * kind) and {@link RequestContext#REQUEST_HASH}. Every answer of a cached capability carries
 * {@code X-Cache}: HIT (from Redis), MISS (from the engine, stored when it is a 2xx of at most
 * {@code hub.cache.max-entry-size}) or BYPASS (no Redis, Redis failing, caching disabled, or
 * {@code Cache-Control: no-store}). Redis failures never fail the request: they are counted in
 * {@code hub_redis_errors_total} and the request goes on without the cache.
 */
@Component("responseCache")
public class ResponseCache {

    /** Response header saying where the answer came from. */
    public static final String HEADER = "X-Cache";

    private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);
    private static final String PENDING = "hubCachePending";
    private static final List<String> KEPT_HEADERS = List.of("X-Engine");

    private final CacheProperties properties;
    private final HubRedis redis;
    private final SingleFlight singleFlight;
    private final CacheOutcomes outcomes;

    private final Capabilities capabilities;

    ResponseCache(CacheProperties properties, Capabilities capabilities, HubRedis redis, SingleFlight singleFlight,
            CacheOutcomes outcomes) {
        this.properties = properties;
        this.capabilities = capabilities;
        this.redis = redis;
        this.singleFlight = singleFlight;
        this.outcomes = outcomes;
    }

    /**
     * Answers from the cache (HIT: the message becomes the stored response, {@link RequestContext#CACHE_HIT} is true)
     * or prepares {@link #store} (MISS). An identical miss already being answered, here or on
     * another replica, is waited for (bounded by {@code hub.cache.flight-wait}) and then read.
     *
     * A capability without a {@code cache-ttl} is never looked up: the engine is always asked.
     *
     * @throws IllegalStateException when the request bean did not name the request (CanonicalRequest.describe)
     */
    public void lookup(Exchange exchange) {
        exchange.setProperty(RequestContext.CACHE_HIT, false);
        Capability capability = capabilities.get(exchange.getProperty(RequestContext.CAPABILITY, String.class));
        if (!capability.cached() || Boolean.TRUE.equals(exchange.getProperty(RequestContext.NOT_CACHEABLE, Boolean.class))) {
            return;
        }
        String kind = capability.name();
        String hash = exchange.getProperty(RequestContext.REQUEST_HASH, String.class);
        if (hash == null) {
            throw new IllegalStateException("the cache lookup needs the exchange property "
                    + RequestContext.REQUEST_HASH + " (see CanonicalRequest.describe)");
        }
        Pending pending = new Pending(CacheKeys.of(kind, hash), capability.cacheTtl().orElseThrow());
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
     * for the capability's {@code cache-ttl}, then lets the flight's waiters read it. Does nothing after a
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
        exchange.setProperty(RequestContext.CACHE_HIT, true);
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
