package com.wise.hub.support;

import com.wise.hub.redis.HubRedis;
import com.wise.hub.redis.RedisWarmup;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * Waits until the hub's Redis client answers, as a running hub's would: on a cold JVM the first
 * commands can exceed the hub's 100 ms timeout, and a test must not mistake that for its subject.
 */
public final class RedisReadiness {

    private RedisReadiness() {
    }

    public static void awaitAnswering(HubRedis redis) {
        Awaitility.await("the hub's Redis client answers").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> !redis.client().orElseThrow().getBucket(HubRedis.KEY_PREFIX + "warm-up").isExists());
    }

    /**
     * Waits until the hub's start-up warm-up has ended, so its own {@code hub:warmup:*} keys are gone
     * before a test counts keys.
     */
    public static void awaitWarmedUp(RedisWarmup warmup) {
        Awaitility.await("the hub's Redis warm-up ends").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(warmup::finished);
    }
}
