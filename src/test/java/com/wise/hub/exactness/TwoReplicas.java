package com.wise.hub.exactness;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.wise.hub.support.HubInstance;
import com.wise.hub.support.RedisServer;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Two hub replicas sharing one real Redis and one fake engine (WireMock), as the exactness tests
 * need them: callers alternate between the replicas and count the engine's calls.
 */
final class TwoReplicas implements AutoCloseable {

    final RedisServer redis = new RedisServer().start();
    final WireMockServer engine;
    final HubInstance a;
    final HubInstance b;

    /**
     * @param engineThreads  the fake engine's request threads (it holds each answer for its delay)
     * @param engineVariable the variable the engine's URL goes in, e.g. TRANSLATION_ENGINE_URL
     * @param stubs          what the engine answers
     * @param properties     the hubs' own settings (auth off and the Redis URL are added)
     */
    TwoReplicas(int engineThreads, String engineVariable, Consumer<WireMockServer> stubs, Map<String, Object> properties) {
        engine = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(engineThreads));
        engine.start();
        stubs.accept(engine);
        Map<String, Object> all = new HashMap<>(properties);
        all.put("hub.redis.url", redis.url());
        all.put(engineVariable, engine.baseUrl());
        all.put("hub.auth.mode", "off");
        a = HubInstance.start(all, Clock.systemUTC());
        b = HubInstance.start(all, Clock.systemUTC());
    }

    /** Replica a for even {@code i}, b for odd. */
    HubInstance alternate(int i) {
        return i % 2 == 0 ? a : b;
    }

    List<HubInstance> both() {
        return List.of(a, b);
    }

    @Override
    public void close() {
        a.close();
        b.close();
        engine.stop();
        redis.stop();
    }
}
