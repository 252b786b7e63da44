package com.wise.hub.redis;

import com.wise.hub.config.Redaction;
import com.wise.hub.metrics.HubMetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.redisson.Redisson;
import java.util.function.Supplier;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The hub's one Redis client (Redisson), or none when {@code CACHE_URL} is unset. Every Redis
 * operation runs through {@link #call} or {@link #callOnce}: a command that times out while Redis
 * answers its background probe (slow, not down: a cold JVM or a busy replica) is retried once, and
 * every failure is counted by operation and reason ({@code hub_redis_errors_total}) before the
 * caller fails open.
 */
@Component("hubRedis")
public class HubRedis implements DisposableBean {

    /** Every key the hub writes starts with this. */
    public static final String KEY_PREFIX = "hub:";

    private static final Logger log = LoggerFactory.getLogger(HubRedis.class);

    private final RedissonClient client;
    private final MeterRegistry meters;
    private final ConcurrentMap<String, Counter> errorCounters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> retryCounters = new ConcurrentHashMap<>();
    /** Whether Redis answered its last background probe ({@code RedisProbe}); until the first, assumed. */
    private volatile boolean answering = true;

    public HubRedis(RedisProperties properties, MeterRegistry meters) {
        this.meters = meters;
        this.client = properties.configured() ? Redisson.create(redissonConfig(properties)) : null;
        if (client == null) {
            log.warn("CACHE_URL is not set: running without Redis (cache bypassed, limits fail open)");
        }
    }

    /** The Redisson client, or empty when the hub runs without Redis. */
    public Optional<RedissonClient> client() {
        return Optional.ofNullable(client);
    }

    /**
     * Runs a Redis operation that may safely run twice (a read, a plain write, a script that detects its
     * own retry). When it times out and Redis answered its last probe, it is run once more; a failure
     * is then counted and rethrown for the caller to fail open.
     *
     * @param operation the metric tag, a constant such as {@code cache-lookup}
     * @throws RuntimeException Redisson's, after it was counted
     */
    public <T> T call(String operation, Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException first) {
            return retry(operation, first, command);
        }
    }

    /**
     * After {@code first} failed: when it was a timeout and Redis answered its last probe, runs
     * {@code again} (a retry-safe way to finish the operation) once; otherwise, or when that fails too,
     * counts the failure and throws.
     */
    public <T> T retry(String operation, RuntimeException first, Supplier<T> again) {
        if (!reasonOf(first).equals("timeout") || !answering) {
            recordError(operation, first);
            throw first;
        }
        retryCounters.computeIfAbsent(operation, op -> Counter.builder(HubMetricNames.REDIS_RETRIES)
                .description("Redis operations run a second time because the first timed out while Redis "
                        + "answered its probe").tag("operation", op).register(meters)).increment();
        try {
            return again.get();
        } catch (RuntimeException second) {
            recordError(operation, second);
            throw second;
        }
    }

    /**
     * Runs a Redis operation that must not run twice (claiming a key with SET NX), counting a failure.
     *
     * @throws RuntimeException Redisson's, after it was counted
     */
    public <T> T callOnce(String operation, Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            recordError(operation, e);
            throw e;
        }
    }

    /** Called by the background probe: whether Redis answered it. */
    public void answered(boolean answered) {
        this.answering = answered;
    }

    /**
     * Counts one failed Redis operation ({@code hub_redis_errors_total{operation,reason}}, reason
     * {@code timeout}, {@code unreachable} or {@code error}) and logs it briefly.
     */
    public void recordError(String operation, Throwable error) {
        String reason = reasonOf(error);
        errorCounters.computeIfAbsent(operation + "/" + reason, key -> Counter.builder(HubMetricNames.REDIS_ERRORS)
                .description("Redis operations that failed, by reason; the hub carried on without Redis (failed open)")
                .tag("operation", operation).tag("reason", reason).register(meters)).increment();
        log.warn("Redis {} failed ({}), continuing without it: {}", operation, reason, Redaction.url(error.toString()));
    }

    /** Why a Redis operation failed, as the {@code reason} tag: {@code timeout}, {@code unreachable} or {@code error}. */
    public static String reasonOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RedisTimeoutException) {
                return "timeout";
            }
            if (t instanceof RedisConnectionException || t instanceof java.net.ConnectException) {
                return "unreachable";
            }
        }
        return "error";
    }

    @Override
    public void destroy() {
        if (client != null) {
            client.shutdown();
        }
    }

    static Config redissonConfig(RedisProperties p) {
        Config config = new Config();
        // Connect on first use, so the hub starts (and fails open) while Redis is down.
        config.setLazyInitialization(true);
        int timeout = (int) p.timeout().toMillis();
        int connectTimeout = (int) p.connectTimeout().toMillis();
        // The whole pool stays open: a burst on a partly idle pool opened new connections within the
        // 100 ms command timeout, failed, and bypassed the cache (bench scenario 6 measured 3 engine
        // calls for 200 identical misses with a quarter of the pool idle, 1 with all of it).
        int minIdle = p.poolSize();
        String[] nodes = p.nodes().stream().map(HubRedis::withoutCredentialsAndDb).toArray(String[]::new);
        URI first = URI.create(p.nodes().get(0));
        String[] credentials = credentials(first);
        switch (p.mode()) {
            // No slot-coverage check: with it, a master that did not answer the first connection made
            // every later command hang (seen with Redisson 3.52); without it those slots fail fast
            // and the topology scan adds the master back when it answers.
            case cluster -> config.useClusterServers().addNodeAddress(nodes).setCheckSlotsCoverage(false)
                    .setTimeout(timeout).setConnectTimeout(connectTimeout).setRetryAttempts(0)
                    .setMasterConnectionPoolSize(p.poolSize()).setMasterConnectionMinimumIdleSize(minIdle)
                    .setUsername(credentials[0]).setPassword(credentials[1]);
            case sentinel -> config.useSentinelServers().addSentinelAddress(nodes).setMasterName(p.sentinelMaster())
                    .setDatabase(database(first))
                    .setTimeout(timeout).setConnectTimeout(connectTimeout).setRetryAttempts(0)
                    .setMasterConnectionPoolSize(p.poolSize()).setMasterConnectionMinimumIdleSize(minIdle)
                    .setUsername(credentials[0]).setPassword(credentials[1]);
            case single -> config.useSingleServer().setAddress(nodes[0]).setDatabase(database(first))
                    .setTimeout(timeout).setConnectTimeout(connectTimeout).setRetryAttempts(0)
                    .setConnectionPoolSize(p.poolSize()).setConnectionMinimumIdleSize(minIdle)
                    .setUsername(credentials[0]).setPassword(credentials[1]);
        }
        return config;
    }

    private static String withoutCredentialsAndDb(String node) {
        URI uri = URI.create(node);
        return uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 6379);
    }

    private static int database(URI uri) {
        String path = uri.getPath();
        return path == null || path.length() <= 1 ? 0 : Integer.parseInt(path.substring(1));
    }

    private static String[] credentials(URI uri) {
        String info = uri.getUserInfo();
        if (info == null || info.isEmpty()) {
            return new String[] {null, null};
        }
        int colon = info.indexOf(':');
        return colon < 0 ? new String[] {null, info}
                : new String[] {colon == 0 ? null : info.substring(0, colon), info.substring(colon + 1)};
    }
}
