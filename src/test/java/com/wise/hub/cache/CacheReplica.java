package com.wise.hub.cache;

import com.wise.hub.capability.Capabilities;
import com.wise.hub.capability.Capability;
import com.wise.hub.request.RequestContext;
import com.wise.hub.metrics.HubMetricNames;
import com.wise.hub.redis.HubRedis;
import com.wise.hub.redis.RedisProperties;
import com.wise.hub.support.RedisReadiness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.springframework.util.unit.DataSize;

/**
 * One hub replica's cache beans, wired by hand against a real Redis, with a counting fake engine:
 * lets the cache tests run two replicas against one Redis without two Spring contexts.
 */
final class CacheReplica implements AutoCloseable {

    static final Capabilities CAPABILITIES = new Capabilities(List.of(cached("translation", Duration.ofDays(7)),
            cached("tts", Duration.ofHours(3)), new Capability("stt", List.of(), Map.of(), Map.of(), Map.of(),
                    Duration.ofSeconds(60), Optional.empty(), false)));

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final HubRedis redis;
    final ResponseCache cache;
    final AtomicInteger engineCalls;
    private final CamelContext camel = new DefaultCamelContext();

    CacheReplica(String url, RedisProperties.Mode mode, CacheProperties properties, AtomicInteger engineCalls) {
        this.redis = new HubRedis(new RedisProperties(url, mode, null, Duration.ofMillis(100), Duration.ofSeconds(1), 64, 0, Duration.ZERO),
                meters);
        if (!url.isEmpty()) {
            RedisReadiness.awaitAnswering(redis);
        }
        this.cache = new ResponseCache(properties, CAPABILITIES, redis, new SingleFlight(properties, redis), new CacheOutcomes(meters));
        this.engineCalls = engineCalls;
    }

    static CacheProperties properties(DataSize maxEntry, Duration lease, Duration wait) {
        return new CacheProperties(true, maxEntry, lease, wait);
    }

    /** A request as a capability route names it, with an optional Cache-Control header. */
    Exchange request(String kind, String text, String cacheControl) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(RequestContext.CAPABILITY, kind);
        CanonicalRequest.describe(exchange, Map.of("text", text));
        if (cacheControl != null) {
            exchange.getMessage().setHeader("Cache-Control", cacheControl);
        }
        return exchange;
    }

    /** Lookup, and on a miss the engine ({@code engine} sets the answer) then store, as routes/cache.yaml does. */
    Exchange serve(Exchange exchange, Consumer<Exchange> engine) {
        cache.lookup(exchange);
        if (!exchange.getProperty(RequestContext.CACHE_HIT, Boolean.class)) {
            engineCalls.incrementAndGet();
            engine.accept(exchange);
            cache.store(exchange);
        }
        return exchange;
    }

    Exchange serve(String text) {
        return serve(request("translation", text, null), answer(200, "translated " + text));
    }

    static Consumer<Exchange> answer(int status, String body) {
        return exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setHeader("X-Engine", "translate-1");
            exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        };
    }

    double cacheCount(String kind, String result) {
        var counter = meters.find(HubMetricNames.CACHE_REQUESTS).tag("kind", kind).tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    double redisErrors(String operation) {
        var counter = meters.find(HubMetricNames.REDIS_ERRORS).tag("operation", operation).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A client for test set-up and inspection, with Redisson's default (patient) timeouts. */
    static org.redisson.api.RedissonClient admin(String url) {
        org.redisson.config.Config config = new org.redisson.config.Config();
        config.useSingleServer().setAddress(url);
        return org.redisson.Redisson.create(config);
    }

    @Override
    public void close() {
        redis.destroy();
    }

    private static Capability cached(String name, Duration ttl) {
        return new Capability(name, List.of(), Map.of(), Map.of(), Map.of(), Duration.ofSeconds(30), Optional.of(ttl), true);
    }
}
