package com.wise.hub.ratelimit;

import com.wise.hub.redis.HubRedis;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * The Redis keys of one caller's limits for one feature. Every key carries the caller's identity as
 * the hash tag {@code {identity}}, so one Lua script may touch them all on Redis Cluster.
 *
 * @param window      sorted set of the requests admitted in the sliding window
 * @param day         counter of quota units used on {@code date}
 * @param idempotency marker that this {@code Idempotency-Key} was charged on {@code date}
 *                    (a key nobody writes when the request had none)
 */
record RateLimitKeys(String window, String day, String idempotency) {

    static final String PREFIX = HubRedis.KEY_PREFIX + "rl:";

    static RateLimitKeys of(String identity, String feature, LocalDate date, String idempotencyKey) {
        String base = PREFIX + "{" + identity + "}:" + feature + ":";
        String marker = idempotencyKey == null ? "none" : sha256(idempotencyKey);
        return new RateLimitKeys(base + "win", base + "day:" + date, base + "idem:" + date + ":" + marker);
    }

    List<Object> all() {
        return List.of(window, day, idempotency);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
