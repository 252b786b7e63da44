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
    /** What is cached for a token the identity backend rejected (no user id can be this). */
    static final String REJECTED = "\u0000rejected";

    private final HubRedis redis;
    private final AuthProperties properties;

    TokenIdentityCache(HubRedis redis, AuthProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /**
     * What is cached for the token with this hash: {@link #REJECTED}, a {@link VerifiedUser#encode()}d user,
     * or empty (also when Redis is down).
     */
    Optional<String> lookup(String tokenHash) {
        return redis.client().flatMap(client -> {
            try {
                return Optional.ofNullable(redis.call("auth-cache-get", () -> bucket(client, tokenHash).get()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** Caches the user for the token with this hash; a Redis failure is counted and ignored. */
    void remember(String tokenHash, VerifiedUser user) {
        redis.client().ifPresent(client -> {
            try {
                redis.call("auth-cache-set", () -> {
                    bucket(client, tokenHash).set(user.encode(), properties.cacheTtl());
                    return null;
                });
            } catch (RuntimeException e) {
                // counted by HubRedis.call; the token is verified again next time
            }
        });
    }

    /** Remembers for {@code hub.auth.failed-cache-ttl} that the backend rejected this token. */
    void rememberRejected(String tokenHash) {
        redis.client().ifPresent(client -> {
            try {
                redis.call("auth-cache-set", () -> {
                    bucket(client, tokenHash).set(REJECTED, properties.failedCacheTtl());
                    return null;
                });
            } catch (RuntimeException e) {
                // counted by HubRedis.call
            }
        });
    }

    private static RBucket<String> bucket(org.redisson.api.RedissonClient client, String tokenHash) {
        return client.getBucket(KEY_PREFIX + tokenHash, StringCodec.INSTANCE);
    }
}
