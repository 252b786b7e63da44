package com.wise.hub.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warms the Redis paths before the replica reports ready ({@code /health/ready} says STARTING until
 * then): from several threads at once it runs what requests will run, the admission script, cache
 * reads and writes, the single-flight lock and the idempotency claim, on keys of its own
 * ({@code hub:warmup:{<id>}:*}, one minute TTL). A cold JVM's first burst of Redis calls took longer
 * than the 100 ms command timeout although Redis was healthy, and the hub failed open (two engine
 * calls for 30 identical misses over two fresh replicas). Ends after {@code hub.redis.warmup-rounds},
 * at {@code hub.redis.warmup-timeout}, or at the first failure (Redis down: the hub starts degraded).
 */
@Component
public class RedisWarmup implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisWarmup.class);
    private static final int THREADS = 8;
    private static final Duration KEY_TTL = Duration.ofMinutes(1);

    private final HubRedis redis;
    private final RedisProperties properties;
    private final Clock clock;
    private final String admitScript = LuaScript.load("ratelimit/admit.lua");
    private final ExecutorService workers = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "hub-redis-warmup");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    RedisWarmup(HubRedis redis, RedisProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
        if (redis.client().isEmpty()) {
            done.complete(null);
        }
    }

    /** True once the warm-up has ended (or there is no Redis); until then the replica is not ready. */
    public boolean finished() {
        return done.isDone();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (done.isDone()) {
            return;
        }
        RedissonClient client = redis.client().orElseThrow();
        Instant started = clock.instant();
        Instant until = started.plus(properties.warmupTimeout());
        List<CompletableFuture<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tasks.add(CompletableFuture.supplyAsync(() -> rounds(client, until), workers));
        }
        CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> {
            long millis = Duration.between(started, clock.instant()).toMillis();
            if (failure != null) {
                log.warn("Redis warm-up stopped after {} ms, Redis does not answer; starting without it: {}", millis,
                        com.wise.hub.config.Redaction.url(String.valueOf(failure.getCause())));
            } else {
                int rounds = tasks.stream().mapToInt(CompletableFuture::join).sum();
                log.info("Redis warm-up: {} rounds of the hub's Redis calls in {} ms", rounds, millis);
            }
            done.complete(null);
        });
    }

    private int rounds(RedissonClient client, Instant until) {
        String id = "{" + UUID.randomUUID() + "}";
        String base = HubRedis.KEY_PREFIX + "warmup:" + id + ":";
        int rounds = 0;
        while (rounds < properties.warmupRounds() && clock.instant().isBefore(until)) {
            long now = clock.millis();
            client.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, admitScript, RScript.ReturnType.LIST,
                    List.of(base + "sec", base + "day", base + "recent"), Long.toString(now), "60000", "1000000", "1000000",
                    Long.toString(KEY_TTL.toMillis()), now + ":" + rounds);
            var entry = client.<String>getBucket(base + "entry", StringCodec.INSTANCE);
            entry.set("warm", KEY_TTL);
            entry.get();
            client.<String>getBucket(base + "claim", StringCodec.INSTANCE).setIfAbsent("warm", KEY_TTL);
            RLock lock = client.getLock(base + "flight");
            long owner = -1_000_000_000L - rounds;
            if (lock.tryLockAsync(0, KEY_TTL.toMillis(), TimeUnit.MILLISECONDS, owner).toCompletableFuture().join()) {
                lock.isHeldByThread(owner);
                lock.unlockAsync(owner).toCompletableFuture().join();
            }
            rounds++;
        }
        client.getKeys().delete(base + "sec", base + "day", base + "recent", base + "entry", base + "claim");
        return rounds;
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
