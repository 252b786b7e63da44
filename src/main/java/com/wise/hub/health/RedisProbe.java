package com.wise.hub.health;

import com.wise.hub.redis.HubRedis;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/** Checks that Redis answers a read; the hub stays ready without it (degraded, failing open). */
@Component
class RedisProbe implements DependencyProbe {

    private final HubRedis redis;

    RedisProbe(HubRedis redis) {
        this.redis = redis;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public ProbeResult probe() {
        if (redis.client().isEmpty()) {
            return ProbeResult.notConfigured("CACHE_URL is not set");
        }
        RedissonClient client = redis.client().get();
        try {
            client.getBucket(HubRedis.KEY_PREFIX + "probe").isExists();
            redis.answered(true);
            return ProbeResult.up("answers");
        } catch (RuntimeException e) {
            redis.answered(false);
            return ProbeResult.down("no answer (" + HubRedis.reasonOf(e) + ")", e.toString());
        }
    }
}
