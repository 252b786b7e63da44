package com.wise.hub.auth;

import com.wise.hub.redis.HubRedis;
import java.util.Optional;
import org.redisson.api.RBucket;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Remembers verified tokens in Redis under {@code hub:auth:<sha256 of the token>} for
 * {@code hub.auth.cache-ttl}, so the identity backend sees a token once per TTL across all replicas.
 * The token itself is never stored. Without Redis every lookup misses (counted as a Redis error).
 */
@Component
class TokenIdentityCache {

    static final String KEY_PREFIX = HubRedis.KEY_PREFIX + "auth:";

    private final HubRedis redis;
    private final AuthProperties properties;

    TokenIdentityCache(HubRedis redis, AuthProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** The user id cached for the token with this hash, or empty (also when Redis is down). */
    Optional<String> userId(String tokenHash) {
        return redis.client().flatMap(client -> {
            try {
                return Optional.ofNullable(bucket(client, tokenHash).get());
            } catch (RuntimeException e) {
                redis.recordError("auth-cache-get", e);
                return Optional.empty();
            }
        });
    }

    /** Caches the user id for the token with this hash; a Redis failure is counted and ignored. */
    void remember(String tokenHash, String userId) {
        redis.client().ifPresent(client -> {
            try {
                bucket(client, tokenHash).set(userId, properties.cacheTtl());
            } catch (RuntimeException e) {
                redis.recordError("auth-cache-set", e);
            }
        });
    }

    private static RBucket<String> bucket(org.redisson.api.RedissonClient client, String tokenHash) {
        return client.getBucket(KEY_PREFIX + tokenHash, StringCodec.INSTANCE);
    }
}
