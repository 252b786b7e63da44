package com.wise.hub.routes;

import com.wise.hub.redis.HubRedis;
import com.wise.hub.redis.RedisWarmup;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisReadiness;
import com.wise.hub.support.RedisServer;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for tests of the shared cache and idempotency routes through {@link FakeCapability}, on one
 * real Redis emptied before each test. The subclasses share this Redis and their Spring context;
 * the Redis process stops when the test JVM exits.
 */
@Import(FakeCapability.class)
abstract class FakeCapabilityOnRedisTest extends HubHttpTest {

    static final RedisServer redis = new RedisServer().start();
    static final RedissonClient admin = adminClient();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            admin.shutdown();
            redis.stop();
        }, "stop-test-redis"));
    }

    @Autowired
    ProducerTemplate template;
    @Autowired
    HubRedis hubRedis;
    @Autowired
    RedisWarmup warmup;

    @DynamicPropertySource
    static void redisUrl(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", redis::url);
        // FakeCapability's declaration: its answers are cached, a key runs it once (the defaults).
        registry.add("hub.capabilities.fake.cache-ttl", () -> "7d");
    }

    @BeforeEach
    void reset() {
        RedisReadiness.awaitWarmedUp(warmup);
        admin.getKeys().flushall();
        FakeCapability.reset();
        RedisReadiness.awaitAnswering(hubRedis);
    }

    private static RedissonClient adminClient() {
        Config config = new Config();
        config.useSingleServer().setAddress(redis.url());
        return Redisson.create(config);
    }
}
