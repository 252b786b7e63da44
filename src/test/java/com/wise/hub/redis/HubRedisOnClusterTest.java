package com.wise.hub.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.wise.hub.support.RedisCluster;
import com.wise.hub.support.RedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hub's Redisson client against a local Redis Cluster whose master hangs when the hub first connects. */
class HubRedisOnClusterTest {

    private RedisCluster cluster;
    private HubRedis redis;

    @BeforeEach
    void start() {
        cluster = new RedisCluster().start();
        redis = new HubRedis(new RedisProperties(cluster.urls(), RedisProperties.Mode.cluster, null,
                Duration.ofMillis(100), Duration.ofSeconds(1), 64, 0, Duration.ZERO), new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        redis.destroy();
        cluster.nodes().forEach(cluster::thaw);
        cluster.close();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aMasterHungAtFirstUseNeverHangsACommandAndIsUsedOnceItAnswers() throws Exception {
        RedisServer hung = cluster.nodes().get(1);
        cluster.freeze(hung);
        List<String> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String key = "hub:test:" + i;
                CompletableFuture<String> outcome = CompletableFuture
                        .supplyAsync(() -> redis.client().orElseThrow().getBucket(key).isExists())
                        .handle((exists, error) -> error == null ? "answered" : "failed");
                // A hang would end in a TimeoutException here.
                outcomes.add(outcome.get(10, TimeUnit.SECONDS));
            }
        } finally {
            cluster.thaw(hung);
        }
        assertThat(outcomes).contains("answered");
        Awaitility.await("every slot answers once the master does").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    for (int i = 0; i < 20; i++) {
                        redis.client().orElseThrow().getBucket("hub:test:" + i).isExists();
                    }
                    return true;
                });
    }
}
