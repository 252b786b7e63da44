package com.wise.hub.redis;

import com.wise.hub.config.Redaction;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Redis is and how long the hub waits for it ({@code hub.redis.*}).
 *
 * @param url            {@code CACHE_URL}: {@code redis://[user:pass@]host:port[/db]} or {@code rediss://…};
 *                       with {@code mode} cluster or sentinel, a comma-separated list of node URLs; blank = no Redis
 * @param mode           {@code single} (default), {@code cluster} or {@code sentinel}
 * @param sentinelMaster name of the master the sentinels watch (sentinel mode only)
 * @param timeout        how long one Redis command may take before the hub gives up on it; default 100 ms
 * @param connectTimeout how long to wait for a connection; default 1 s
 * @param poolSize       connections per Redis node; default 64
 * @param warmupRounds   rounds of the hub's Redis calls each of 8 threads runs before the replica is ready
 *                       ({@link RedisWarmup}); default 100
 * @param warmupTimeout  longest the warm-up may take; the replica is ready after it regardless. Default 15 s
 */
@Validated
@ConfigurationProperties("hub.redis")
public record RedisProperties(
        String url,
        @DefaultValue("single") @NotNull Mode mode,
        String sentinelMaster,
        @DefaultValue("100ms") @NotNull Duration timeout,
        @DefaultValue("1s") @NotNull Duration connectTimeout,
        @DefaultValue("64") int poolSize,
        @DefaultValue("100") int warmupRounds,
        @DefaultValue("15s") @NotNull Duration warmupTimeout) {

    public enum Mode { single, cluster, sentinel }

    public RedisProperties {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("hub.redis.timeout must be positive, was " + timeout);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("hub.redis.connect-timeout must be positive, was " + connectTimeout);
        }
        for (String node : nodes(url)) {
            URI uri;
            try {
                uri = URI.create(node);
            } catch (IllegalArgumentException e) {
                // Not chained: the parser's message quotes the whole URL, password included.
                throw new IllegalArgumentException("CACHE_URL is not a URL: " + Redaction.url(node));
            }
            if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("CACHE_URL must look like redis://host:port[/db] or "
                        + "rediss://host:port, was " + Redaction.url(node));
            }
            String path = uri.getPath();
            if (path != null && path.length() > 1 && !path.substring(1).matches("\\d{1,2}")) {
                throw new IllegalArgumentException("CACHE_URL's path must be a database number such as /0, was "
                        + Redaction.url(node));
            }
        }
        if (warmupRounds < 0 || warmupTimeout.isNegative()) {
            throw new IllegalArgumentException("hub.redis.warmup-rounds and warmup-timeout must not be negative");
        }
        if (mode == Mode.sentinel && (sentinelMaster == null || sentinelMaster.isBlank())) {
            throw new IllegalArgumentException("hub.redis.sentinel-master is required when hub.redis.mode=sentinel");
        }
    }

    /** True when a Redis URL was given. */
    public boolean configured() {
        return !nodes(url).isEmpty();
    }

    /** The node URLs in {@code url}, trimmed; empty when Redis is not configured. */
    public List<String> nodes() {
        return nodes(url);
    }

    private static List<String> nodes(String url) {
        if (url == null || url.isBlank()) {
            return List.of();
        }
        return Arrays.stream(url.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
