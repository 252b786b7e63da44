package com.wise.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.wise.hub.cache.CanonicalRequest;
import com.wise.hub.redis.HubRedis;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisCluster;
import com.wise.hub.support.RedisReadiness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cache, single flight and idempotency routes on a local Redis Cluster of three masters: keys
 * used together share a hash tag, so nothing fails with CROSSSLOT or MOVED.
 */
@Import(FakeCapability.class)
class RedisClusterRoutesTest extends HubHttpTest {

    private static final RedisCluster cluster = new RedisCluster().start();

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private HubRedis hubRedis;

    @DynamicPropertySource
    static void redisCluster(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", cluster::urls);
        registry.add("hub.redis.mode", () -> "cluster");
        // FakeCapability's declaration: its answers are cached, a key runs it once (the defaults).
        registry.add("hub.capabilities.fake.cache-ttl", () -> "7d");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @BeforeEach
    void reset() {
        FakeCapability.reset();
        RedisReadiness.awaitAnswering(hubRedis);
    }

    @Test
    void requestsHashedToEverySlotAreCachedAndHit() {
        for (int i = 0; i < 30; i++) {
            String text = "sentence " + i + " " + System.nanoTime();
            assertThat(cached(text).getMessage().getHeader("X-Cache")).isEqualTo("MISS");
            assertThat(cached(text).getMessage().getHeader("X-Cache")).isEqualTo("HIT");
        }
        assertThat(FakeCapability.calls).hasValue(30);
    }

    @Test
    void concurrentIdenticalMissesMakeOneCall() throws Exception {
        String text = "same on the cluster " + System.nanoTime();
        int requests = 20;
        FakeCapability.gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<CompletableFuture<Exchange>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> cached(text), pool));
        }
        org.awaitility.Awaitility.await().until(() -> FakeCapability.calls.get() == 1);
        FakeCapability.gate.countDown();

        List<String> results = new ArrayList<>();
        for (CompletableFuture<Exchange> answer : answers) {
            Exchange exchange = answer.get(60, TimeUnit.SECONDS);
            results.add(exchange.getMessage().getHeader("X-Cache") + " " + exchange.getMessage().getBody(String.class));
        }
        pool.shutdown();
        assertThat(FakeCapability.calls).hasValue(1);
        assertThat(results).containsOnlyOnce("MISS answer 1").filteredOn(r -> r.startsWith("HIT"))
                .hasSize(requests - 1);
    }

    @Test
    void idempotentReplayWorksOnTheCluster() {
        String key = "cluster-key-" + System.nanoTime();
        Exchange first = idempotent(key, "hello");
        Exchange retry = idempotent(key, "hello");
        Exchange changed = idempotent(key, "goodbye");

        assertThat(retry.getMessage().getBody(String.class)).isEqualTo(first.getMessage().getBody(String.class));
        assertThat(retry.getMessage().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(changed.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(422);
        assertThat(FakeCapability.calls).hasValue(1);
    }

    private Exchange cached(String text) {
        return template.send("direct:fake-answer",
                exchange -> CanonicalRequest.describe(exchange, Map.of("text", text)));
    }

    private Exchange idempotent(String key, String text) {
        return template.send("direct:fake", exchange -> {
            CanonicalRequest.describe(exchange, Map.of("text", text));
            exchange.setProperty("hubAdmitted", "chat");
            exchange.setProperty("hubIdentity", "user:test");
            exchange.getMessage().setHeader("Idempotency-Key", key);
        });
    }
}
