package com.wise.hub.ratelimit;

import com.wise.hub.redis.HubRedis;
import java.time.LocalDate;
import java.util.List;

/**
 * The Redis keys of one caller's limits for one feature. Every key carries the caller's identity as
 * the hash tag {@code {identity}}, so one Lua script may touch them all on Redis Cluster.
 *
 * @param window sorted set of the requests admitted in the sliding window
 * @param day    counter of quota units used on {@code date}
 */
record RateLimitKeys(String window, String day) {

    static final String PREFIX = HubRedis.KEY_PREFIX + "rl:";

    static RateLimitKeys of(String identity, String feature, LocalDate date) {
        String base = PREFIX + "{" + identity + "}:" + feature + ":";
        return new RateLimitKeys(base + "win", base + "day:" + date);
    }

    List<Object> all() {
        return List.of(window, day);
    }
}
