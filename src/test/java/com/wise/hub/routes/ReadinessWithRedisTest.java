package com.wise.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Readiness follows Redis: UP while it answers, DEGRADED (still 200) while it is down, UP again after. */
class ReadinessWithRedisTest extends HubHttpTest {

    static final RedisServer REDIS = new RedisServer().start();

    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", REDIS::url);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.stop();
    }

    @Test
    void readinessDegradesWhileRedisIsDownAndRecovers() throws Exception {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertReady("UP", "UP"));
        REDIS.stop();
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertReady("DEGRADED", "DOWN"));
            assertThat(get("/metrics").body()).contains("hub_dependency_up{application=\"wise-ai-hub\",dependency=\"redis\"} 0.0");
        } finally {
            REDIS.start();
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertReady("UP", "UP"));
    }

    private void assertReady(String overall, String redis) throws Exception {
        HttpResponse<String> response = get("/health/ready");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo(overall);
        assertThat(body.at("/dependencies/redis/status").asText()).isEqualTo(redis);
    }
}
