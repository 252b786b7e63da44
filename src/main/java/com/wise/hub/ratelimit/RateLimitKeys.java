package com.wise.hub.ratelimit;

import com.wise.hub.redis.HubRedis;
import java.time.LocalDate;
import java.util.List;

/**
 * The Redis keys of one caller's limits for one feature. Every key carries the caller's identity as
 * the hash tag {@code {identity}}, so one Lua script may touch them all on Redis Cluster. Three keys
 * per caller and feature, each of bounded size, whatever the limits are.
 *
 * @param window hash of requests admitted per second in the sliding window (at most 60 fields)
 * @param day    counter of quota units used on {@code date}
 * @param recent the last 8 admissions' members, for 10 s (a retried call is not charged twice)
 */
record RateLimitKeys(String window, String day, String recent) {

    static final String PREFIX = HubRedis.KEY_PREFIX + "rl:";

    static RateLimitKeys of(String identity, String feature, LocalDate date) {
        String base = PREFIX + "{" + identity + "}:" + feature + ":";
        return new RateLimitKeys(base + "sec", base + "day:" + date, base + "recent");
    }

    List<Object> all() {
        return List.of(window, day, recent);
    }
}
