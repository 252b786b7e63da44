package com.wise.hub.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import com.wise.hub.redis.LuaScript;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Runs the limit scripts ({@code ratelimit/admit.lua}, {@code ratelimit/give-back.lua}) in Redis:
 * one atomic script per decision, so concurrent requests on any number of replicas never admit
 * more than the limit. The window is one counter per second, so memory per caller is bounded
 * whatever the limit (a sorted set with one entry per request had to cap per-minute at 10,000). Time is passed in from the hub's clock. Redisson's {@code RRateLimiter}
 * was not used: it reads {@code System.currentTimeMillis()} itself (tests cannot move time), has no
 * calendar-day quota, and reports neither the remaining count nor when a slot frees.
 */
@Component
class SharedLimitStore {

    /** The per-minute window. */
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final String admitScript = LuaScript.load("ratelimit/admit.lua");
    private final String giveBackScript = LuaScript.load("ratelimit/give-back.lua");

    /**
     * Admits or rejects one request; a Redis failure propagates as Redisson's runtime exception.
     *
     * @param untilMidnight time left in the quota day, used for the reset and the counter's TTL
     * @param member        this request's unique entry in the window; the same on a retry of the call
     */
    LimitDecision admit(RedissonClient client, RateLimitKeys keys, LimitProperties.FeatureLimit limit, Instant now,
            Duration untilMidnight, String member) {
        // The day counter outlives midnight by one window, so a late give-back still finds it.
        long dayTtl = untilMidnight.plus(WINDOW).toMillis();
        List<Object> r = client.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, admitScript,
                RScript.ReturnType.LIST, keys.all(), Long.toString(now.toEpochMilli()),
                Long.toString(WINDOW.toMillis()), Long.toString(limit.perMinute().value()),
                Long.toString(limit.perDay().value()), Long.toString(dayTtl), member);
        boolean admitted = number(r, 0) == 1;
        long rejectedBy = number(r, 1);
        return new LimitDecision(admitted,
                rejectedBy == 1 ? LimitDecision.Limit.PER_MINUTE : rejectedBy == 2 ? LimitDecision.Limit.PER_DAY : null,
                number(r, 2) == 1,
                Math.max(0, limit.perMinute().value() - number(r, 3)),
                Math.max(0, limit.perDay().value() - number(r, 4)),
                Duration.ofMillis(Math.max(0, number(r, 5))), untilMidnight);
    }

    /** Returns the quota unit taken for {@code charge}; a Redis failure propagates. */
    void giveBack(RedissonClient client, QuotaCharge charge) {
        client.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, giveBackScript,
                RScript.ReturnType.LONG, List.of(charge.keys().day()));
    }

    private static long number(List<Object> reply, int index) {
        return ((Number) reply.get(index)).longValue();
    }
}
