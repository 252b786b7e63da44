package com.wise.hub.support;

import com.wise.hub.redis.HubRedis;
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
}
