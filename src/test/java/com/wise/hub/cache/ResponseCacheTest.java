package com.wise.hub.cache;

import com.wise.hub.request.RequestContext;
import static org.assertj.core.api.Assertions.assertThat;

import com.wise.hub.redis.RedisProperties.Mode;
import com.wise.hub.support.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;
import org.redisson.client.codec.ByteArrayCodec;
import org.springframework.util.unit.DataSize;

/** The cache-aside beans against a real redis-server: results, TTLs, limits, single flight, outages. */
class ResponseCacheTest {

    private static final RedisServer server = new RedisServer();

    /** Set-up and inspection go through Redisson with default (patient) timeouts, never the hub's 100 ms. */
    private static org.redisson.api.RedissonClient admin;

    private final AtomicInteger engineCalls = new AtomicInteger();
    private CacheReplica replica;

    @BeforeAll
    static void startRedis() {
        server.start();
        admin = CacheReplica.admin(server.url());
    }

    @AfterAll
    static void stopRedis() {
        admin.shutdown();
        server.stop();
    }

    @BeforeEach
    void connect() {
        replica = new CacheReplica(server.url(), Mode.single,
                CacheReplica.properties(DataSize.ofKilobytes(64), Duration.ofSeconds(30), Duration.ofSeconds(35)),
                engineCalls);
        admin.getKeys().flushall();
    }

    @AfterEach
    void disconnect() {
        replica.close();
    }

    @Test
    void secondIdenticalRequestIsAHitWithOneEngineCall() {
        Exchange first = replica.serve("hello");
        Exchange second = replica.serve("  hello ");

        assertThat(first.getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("MISS");
        assertThat(second.getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("HIT");
        assertThat(second.getMessage().getBody(String.class)).isEqualTo("translated hello");
        assertThat(second.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(second.getMessage().getHeader("X-Engine")).isEqualTo("translate-1");
        assertThat(engineCalls).hasValue(1);
        assertThat(replica.cacheCount("translation", "miss")).isEqualTo(1);
        assertThat(replica.cacheCount("translation", "hit")).isEqualTo(1);
    }

    @Test
    void entryKeyIsNamespacedAndTtlComesFromItsKind() {
        replica.serve("hello");
        replica.serve(replica.request("tts", "hello", null), CacheReplica.answer(200, "audio"));

        var keys = admin.getKeys();
        List<String> names = new ArrayList<>();
        keys.getKeysByPattern("hub:cache:*").forEach(names::add);
        assertThat(names).hasSize(2).allMatch(k -> k.matches("hub:cache:(translation|tts):\\{[0-9a-f]{64}}"));
        for (String name : names) {
            long ttl = keys.remainTimeToLive(name);
            Duration expected = name.startsWith("hub:cache:tts:") ? Duration.ofHours(3) : Duration.ofDays(7);
            assertThat(ttl).isBetween(expected.minusMinutes(1).toMillis(), expected.toMillis());
        }
    }

    @Test
    void noCacheSkipsTheReadButStoresTheFreshAnswer() {
        replica.serve("hello");
        Exchange fresh = replica.serve(replica.request("translation", "hello", "no-cache"),
                CacheReplica.answer(200, "fresher"));
        Exchange after = replica.serve("hello");

        assertThat(fresh.getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("MISS");
        assertThat(after.getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("HIT");
        assertThat(after.getMessage().getBody(String.class)).isEqualTo("fresher");
        assertThat(engineCalls).hasValue(2);
    }

    @Test
    void noStoreNeitherReadsNorWrites() {
        replica.serve("hello");
        Exchange bypass = replica.serve(replica.request("translation", "hello", "no-store"),
                CacheReplica.answer(200, "not kept"));
        Exchange uncached = replica.serve(replica.request("translation", "other", "no-store"),
                CacheReplica.answer(200, "not kept"));

        assertThat(bypass.getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("BYPASS");
        assertThat(uncached.getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("BYPASS");
        assertThat(replica.serve("other").getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("MISS");
        assertThat(engineCalls).hasValue(4);
    }

    @Test
    void errorAnswersAreNotCached() {
        replica.serve(replica.request("translation", "hello", null), CacheReplica.answer(502, "{\"status\":502}"));
        replica.serve(replica.request("translation", "hello", null), CacheReplica.answer(404, "{\"status\":404}"));
        Exchange third = replica.serve("hello");

        assertThat(third.getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("MISS");
        assertThat(engineCalls).hasValue(3);
    }

    @Test
    void bodiesOverTheMaximumAreSentButNotCached() {
        String large = "x".repeat(64 * 1024 + 1);
        Exchange first = replica.serve(replica.request("translation", "large", null), CacheReplica.answer(200, large));
        Exchange second = replica.serve(replica.request("translation", "large", null), CacheReplica.answer(200, large));

        assertThat(first.getMessage().getBody(String.class)).isEqualTo(large);
        assertThat(second.getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("MISS");
        assertThat(engineCalls).hasValue(2);
    }

    @Test
    void withoutRedisEveryRequestBypasses() {
        CacheProperties properties = CacheReplica.properties(DataSize.ofKilobytes(64), Duration.ofSeconds(30),
                Duration.ofSeconds(35));
        try (CacheReplica noRedis = new CacheReplica("", Mode.single, properties, engineCalls)) {
            assertThat(noRedis.serve("hello").getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("BYPASS");
            assertThat(noRedis.serve("hello").getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("BYPASS");
            assertThat(noRedis.cacheCount("translation", "bypass")).isEqualTo(2);
        }
    }

    @Test
    void concurrentIdenticalMissesOnTwoReplicasMakeOneEngineCall() throws Exception {
        int requests = 40;
        CountDownLatch allStarted = new CountDownLatch(requests);
        try (CacheReplica other = new CacheReplica(server.url(), Mode.single,
                CacheReplica.properties(DataSize.ofKilobytes(64), Duration.ofSeconds(30), Duration.ofSeconds(35)),
                engineCalls)) {
            // Both replicas have served before (their connection pools are open), as in a running hub.
            replica.serve("warm-up");
            other.serve("warm-up");
            engineCalls.set(0);
            ExecutorService pool = Executors.newFixedThreadPool(requests);
            String hash = replica.request("translation", "same sentence", null).getProperty(RequestContext.REQUEST_HASH, String.class);
            // Waiters subscribe to the lock's channel, one subscription per replica.
            var lockChannel = admin
                    .getTopic("redisson_lock__channel:" + CacheKeys.of("translation", hash).flight());
            List<Future<Exchange>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                CacheReplica target = i % 2 == 0 ? replica : other;
                answers.add(pool.submit(() -> {
                    allStarted.countDown();
                    return target.serve(target.request("translation", "same sentence", null), exchange -> {
                        // The one engine call lasts until every request was sent and both replicas wait for it.
                        awaitQuietly(allStarted);
                        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> lockChannel.countSubscribers() == 2);
                        CacheReplica.answer(200, "one answer").accept(exchange);
                    });
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<Exchange> answer : answers) {
                Exchange exchange = answer.get(60, TimeUnit.SECONDS);
                results.add(exchange.getMessage().getHeader(ResponseCache.HEADER) + " "
                        + exchange.getMessage().getBody(String.class));
            }
            pool.shutdown();
            assertThat(engineCalls).hasValue(1);
            assertThat(results).containsOnlyOnce("MISS one answer").filteredOn(r -> !r.startsWith("MISS"))
                    .hasSize(requests - 1).containsOnly("HIT one answer");
        }
    }

    @Test
    void aWaiterTakesOverWhenTheFlightHolderDied() {
        Exchange request = replica.request("translation", "orphaned", null);
        String flightKey = CacheKeys.of("translation", request.getProperty(RequestContext.REQUEST_HASH, String.class)).flight();
        // A replica that took the flight with a 1 s lease and then died: it never releases.
        RLock dead = admin.getLock(flightKey);
        assertThat(holdDeadFlight(dead)).isTrue();

        Exchange answered = replica.serve(request, CacheReplica.answer(200, "after takeover"));

        assertThat(answered.getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("MISS");
        assertThat(engineCalls).hasValue(1);
        assertThat(replica.serve("orphaned").getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("HIT");
        assertThat(dead.isLocked()).isFalse();
    }

    @Test
    void aWaiterGivesUpAfterTheFlightWaitAndCallsTheEngineItself() throws Exception {
        try (CacheReplica impatient = new CacheReplica(server.url(), Mode.single,
                CacheReplica.properties(DataSize.ofKilobytes(64), Duration.ofSeconds(30), Duration.ofMillis(200)),
                engineCalls)) {
            Exchange request = impatient.request("translation", "slow", null);
            String flightKey = CacheKeys.of("translation", request.getProperty(RequestContext.REQUEST_HASH, String.class)).flight();
            RLock holder = admin.getLock(flightKey);
            assertThat(holder.tryLock(0, 30, TimeUnit.SECONDS)).isTrue();

            Exchange answered = impatient.serve(request, CacheReplica.answer(200, "alone"));

            assertThat(answered.getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("MISS");
            assertThat(impatient.serve("slow").getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("HIT");
            holder.forceUnlock();
        }
    }

    @Test
    void redisStoppedMeansBypassAndRestartedMeansHitsAgain() {
        assertThat(replica.serve("hello").getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("MISS");

        server.stop();
        try {
            Exchange during = replica.serve("hello");
            assertThat(during.getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("BYPASS");
            assertThat(during.getMessage().getBody(String.class)).isEqualTo("translated hello");
            assertThat(replica.redisErrors("cache-lookup")).isEqualTo(1);
            assertThat(replica.cacheCount("translation", "bypass")).isEqualTo(1);
        } finally {
            server.start();
        }

        Awaitility.await("the cache recovers by itself").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "MISS".equals(replica.serve("hello").getMessage().getHeader(ResponseCache.HEADER)));
        assertThat(replica.serve("hello").getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("HIT");
    }

    @Test
    void anUnreadableEntryIsTreatedAsAMiss() {
        Exchange request = replica.request("translation", "garbled", null);
        String entryKey = CacheKeys.of("translation", request.getProperty(RequestContext.REQUEST_HASH, String.class)).entry();
        admin.getBucket(entryKey, ByteArrayCodec.INSTANCE).set(new byte[] {42});

        Exchange answered = replica.serve(request, CacheReplica.answer(200, "fixed"));

        assertThat(answered.getMessage().getHeader(ResponseCache.HEADER)).isEqualTo("MISS");
        assertThat(replica.serve("garbled").getMessage().getBody(String.class)).isEqualTo("fixed");
    }

    @Test
    void aRequestWithoutAHashOrOfAnUndeclaredCapabilityIsARouteBug() {
        Exchange unnamed = replica.request("translation", "x", null);
        unnamed.removeProperty(RequestContext.REQUEST_HASH);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> replica.cache.lookup(unnamed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("hubRequestHash");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> replica.cache.lookup(replica.request("karaoke", "x", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no capability 'karaoke' is declared under hub.capabilities");
    }

    @Test
    void aCapabilityWithoutACacheTtlIsNeverLookedUpNorStored() {
        Exchange first = replica.serve(replica.request("stt", "x", null), CacheReplica.answer(200, "one"));
        Exchange second = replica.serve(replica.request("stt", "x", null), CacheReplica.answer(200, "two"));

        assertThat(second.getMessage().getBody(String.class)).isEqualTo("two");
        assertThat(first.getMessage().getHeader(ResponseCache.HEADER)).isNull();
        assertThat(replica.engineCalls).hasValue(2);
        assertThat(admin.getKeys().getKeysByPattern("hub:cache:stt:*")).isEmpty();
    }

    private static boolean holdDeadFlight(RLock lock) {
        try {
            return lock.tryLock(0, 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
