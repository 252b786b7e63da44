package com.wise.hub.ratelimit;

import com.wise.hub.redis.HubRedis;
import com.wise.hub.support.RedisCluster;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared-limit contract with two hubs on a three-master Redis Cluster: a script whose keys
 * spanned slots would fail (CROSSSLOT) and every request would fall back to the local throttle.
 */
class SharedLimitOnRedisClusterTest extends SharedLimitContract {

    private static final RedisCluster CLUSTER = new RedisCluster();

    @BeforeAll
    static void start() {
        CLUSTER.start();
        startHubs(Map.of("hub.redis.url", CLUSTER.urls(), "hub.redis.mode", "cluster"));
    }

    @AfterAll
    static void stop() {
        stopHubs();
        CLUSTER.close();
    }

    @Override
    void flushRedis() {
        hubA.bean(HubRedis.class).client().orElseThrow().getKeys().flushall();
    }

    @Override
    void stopRedis() {
        CLUSTER.stopAll();
    }

    @Override
    void startRedis() {
        CLUSTER.restartAll();
    }
}
