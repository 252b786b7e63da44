package com.wise.hub.ratelimit;

import com.wise.hub.redis.HubRedis;
import com.wise.hub.support.RedisServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared-limit contract with two hubs on one redis-server. */
class SharedLimitOnRedisTest extends SharedLimitContract {

    private static final RedisServer REDIS = new RedisServer();

    @BeforeAll
    static void start() {
        REDIS.start();
        startHubs(Map.of("hub.redis.url", REDIS.url()));
    }

    @AfterAll
    static void stop() {
        stopHubs();
        REDIS.stop();
    }

    @Override
    void flushRedis() {
        hubA.bean(HubRedis.class).client().orElseThrow().getKeys().flushall();
    }

    @Override
    void stopRedis() {
        REDIS.stop();
    }

    @Override
    void startRedis() {
        REDIS.start();
    }
}
