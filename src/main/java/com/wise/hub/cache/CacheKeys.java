package com.wise.hub.cache;

import com.wise.hub.redis.HubRedis;
import java.util.regex.Pattern;

/**
 * The Redis keys of one cached answer: {@code hub:cache:<kind>:{<sha256>}} and its single flight
 * {@code hub:cache:<kind>:{<sha256>}:flight}. The braces make the request hash the Redis Cluster
 * hash tag, so the entry, the lock and the lock's channel live in one slot.
 *
 * @param entry  key of the cached response
 * @param flight key of the single-flight lock
 */
record CacheKeys(String entry, String flight) {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    static CacheKeys of(String kind, String requestHash) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("cache kind must be lower-case kebab-case, was " + kind);
        }
        if (requestHash == null || !SHA256.matcher(requestHash).matches()) {
            throw new IllegalArgumentException("request hash must be a hex SHA-256, was " + requestHash);
        }
        String entry = HubRedis.KEY_PREFIX + "cache:" + kind + ":{" + requestHash + "}";
        return new CacheKeys(entry, entry + ":flight");
    }
}
