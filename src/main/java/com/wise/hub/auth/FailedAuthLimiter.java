package com.wise.hub.auth;

import com.wise.hub.metrics.HubMetricNames;
import com.wise.hub.problem.ProblemException;
import com.wise.hub.redis.HubRedis;
import com.wise.hub.redis.LuaScript;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Limits failed credentials per client address ({@code hub.auth.failed-attempts-per-minute}), so
 * random tokens or guessed API keys cannot turn into one identity-backend call each: past the limit
 * the address gets 429 before the backend is asked, until its minute is over. Counted in Redis
 * ({@code hub:authfail:{<address>}}, one minute TTL) across replicas; while Redis is unavailable,
 * per replica in a map of at most {@value #MAX_LOCAL_ADDRESSES} addresses (beyond that, new
 * addresses share one counter, so the map cannot grow without bound).
 */
@Component
class FailedAuthLimiter {

    static final String KEY_PREFIX = HubRedis.KEY_PREFIX + "authfail:";
    static final int MAX_LOCAL_ADDRESSES = 10_000;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final String OVERFLOW = "*";

    private final HubRedis redis;
    private final int limit;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String script = LuaScript.load("auth/failed-attempt.lua");
    private final Map<String, LocalWindow> local = new ConcurrentHashMap<>();

    private record LocalWindow(long startMillis, int failures) {
    }

    FailedAuthLimiter(HubRedis redis, AuthProperties properties, Clock clock, MeterRegistry meters) {
        this.redis = redis;
        this.limit = properties.failedAttemptsPerMinute();
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Refuses the address when it has used up its failed attempts for this minute.
     *
     * @throws ProblemException 429 {@code too-many-failed-credentials} with {@code Retry-After}
     */
    void requireNotBlocked(String address) {
        Duration blockedFor = blockedFor(address);
        if (!blockedFor.isZero()) {
            count("blocked");
            throw new ProblemException(429, "too-many-failed-credentials", "Too many failed credentials",
                    "This client address sent more than " + limit + " invalid tokens or API keys within a minute; "
                            + "try again after Retry-After seconds with valid credentials.").retryAfter(blockedFor);
        }
    }

    /** Counts one failed credential from {@code address}; {@code reason} is the metric tag. */
    void recordFailure(String address, String reason) {
        count(reason);
        if (redis.client().isPresent()) {
            try {
                redis.call("auth-failure", () -> redis.client().get().getScript(StringCodec.INSTANCE)
                        .eval(RScript.Mode.READ_WRITE, script, RScript.ReturnType.LIST, List.of(key(address)),
                                Long.toString(WINDOW.toMillis())));
                return;
            } catch (RuntimeException e) {
                // counted by HubRedis.call; counted locally instead
            }
        }
        long now = clock.millis();
        String slot = local.size() >= MAX_LOCAL_ADDRESSES && !local.containsKey(address) ? OVERFLOW : address;
        local.compute(slot, (k, w) -> w == null || now - w.startMillis() >= WINDOW.toMillis()
                ? new LocalWindow(now, 1) : new LocalWindow(w.startMillis(), w.failures() + 1));
        if (local.size() >= MAX_LOCAL_ADDRESSES) {
            local.values().removeIf(w -> now - w.startMillis() >= WINDOW.toMillis());
        }
    }

    private Duration blockedFor(String address) {
        if (redis.client().isPresent()) {
            try {
                String count = redis.call("auth-failure", () -> redis.client().get()
                        .<String>getBucket(key(address), StringCodec.INSTANCE).get());
                if (count == null || Long.parseLong(count) < limit) {
                    return Duration.ZERO;
                }
                long ttl = redis.call("auth-failure", () -> redis.client().get()
                        .getBucket(key(address), StringCodec.INSTANCE).remainTimeToLive());
                return Duration.ofMillis(Math.max(1, ttl));
            } catch (RuntimeException e) {
                // counted by HubRedis.call; the local count decides
            }
        }
        long now = clock.millis();
        LocalWindow window = local.getOrDefault(address, local.get(OVERFLOW));
        if (window == null || now - window.startMillis() >= WINDOW.toMillis() || window.failures() < limit) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(WINDOW.toMillis() - (now - window.startMillis()));
    }

    private void count(String reason) {
        Counter.builder(HubMetricNames.AUTH_FAILURES)
                .description("Failed credentials by reason (invalid-api-key, invalid-token) and requests refused "
                        + "because their address sent too many (blocked)")
                .tag("reason", reason).register(meters).increment();
    }

    private static String key(String address) {
        return KEY_PREFIX + "{" + address + "}";
    }
}
