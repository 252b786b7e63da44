package com.wise.hub.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.wise.hub.redis.HubRedis;
import com.wise.hub.redis.RedisWarmup;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisReadiness;
import com.wise.hub.support.RedisServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Limits per plan: the identity backend's {@code plan} (top level or beside {@code user.id}) and an
 * API key's {@code hub.auth.key-plans} choose the limits; a caller with no plan, or one the hub does
 * not know, is on {@code hub.limits.default-plan}; an unlimited plan is not counted at all.
 */
@CamelSpringBootTest
@SpringBootTest(classes = com.wise.hub.HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camel.main.jmx-enabled=false",
            "camel.main.routes-include-pattern=file:routes/*.yaml,file:routes/shared/*.yaml,classpath:admission-test/*.yaml",
            "hub.auth.mode=token",
            // SHA-256 of "svc-key-123"
            "hub.auth.api-keys.lms=bbb7163076e7a5322f273f19b9d530c77776788847e8c3e58484e13358ae0ff8",
            "hub.auth.key-plans.lms=school",
            "hub.capabilities.stt.limits.per-minute=100", "hub.capabilities.stt.limits.per-day=5",
            "hub.limits.default-plan=free", "hub.limits.plans.free.stt.per-day=2",
            "hub.limits.plans.premium.stt.per-day=8",
            "hub.limits.plans.school.stt.per-minute=unlimited", "hub.limits.plans.school.stt.per-day=0"})
class PlanLimitsTest extends HubHttpTest {

    private static final RedisServer REDIS = new RedisServer();
    private static final WireMockServer IDENTITY = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @DynamicPropertySource
    static void dependencies(DynamicPropertyRegistry registry) {
        REDIS.start();
        if (!IDENTITY.isRunning()) {
            IDENTITY.start();
        }
        registry.add("hub.redis.url", REDIS::url);
        registry.add("hub.auth.identity-url", IDENTITY::baseUrl);
    }

    @AfterAll
    static void stop() {
        IDENTITY.stop();
        REDIS.stop();
    }

    @Autowired
    HubRedis redis;
    @Autowired
    RedisWarmup warmup;

    @BeforeEach
    void fresh() {
        RedisReadiness.awaitWarmedUp(warmup);
        redis.client().orElseThrow().getKeys().flushall();
        IDENTITY.resetAll();
        me("premium-token", "{\"id\":\"p-1\",\"plan\":\"premium\"}");
        me("nested-token", "{\"user\":{\"id\":\"p-2\",\"plan\":\"Premium\"}}");
        me("free-token", "{\"id\":\"f-1\"}");
        me("gold-token", "{\"id\":\"g-1\",\"plan\":\"gold\"}");
        me("odd-token", "{\"id\":\"o-1\",\"plan\":\"../../admin\"}");
    }

    @Test
    void theIdentityBackendsPlanChoosesTheDailyQuota() throws Exception {
        assertThat(admitted("Bearer premium-token", 12)).isEqualTo(8);
        assertThat(admitted("Bearer nested-token", 12)).as("plan beside user.id, any case").isEqualTo(8);
        HttpResponse<String> first = call("Bearer premium-token");
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.body()).contains("daily quota of 8 stt requests");
    }

    @Test
    void aCallerWithoutAPlanOrWithAnUnknownOneIsOnTheDefaultPlan() throws Exception {
        assertThat(admitted("Bearer free-token", 5)).isEqualTo(2);
        assertThat(admitted("Bearer gold-token", 5)).isEqualTo(2);
        assertThat(admitted("Bearer odd-token", 5)).as("a plan that is no plan name").isEqualTo(2);
    }

    @Test
    void anApiKeysPlanIsItsOwnAndAnUnlimitedPlanIsNotCounted() throws Exception {
        assertThat(admitted("Bearer svc-key-123", 30)).isEqualTo(30);
        HttpResponse<String> response = call("Bearer svc-key-123");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).isEmpty();
        assertThat(response.headers().firstValue("X-RateLimit-Limit-Day")).isEmpty();
        assertThat(redis.client().orElseThrow().getKeys().getKeysStream().filter(k -> k.startsWith("hub:rl:"))
                .toList()).isEmpty();
    }

    @Test
    void thePlanIsCachedWithTheToken() throws Exception {
        call("Bearer premium-token");
        IDENTITY.resetAll();
        // The backend is gone; the cached answer still carries the plan.
        assertThat(admitted("Bearer premium-token", 10)).isEqualTo(7);
    }

    private int admitted(String authorization, int requests) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(call(authorization).statusCode());
        }
        assertThat(statuses).allMatch(s -> s == 200 || s == 429);
        return (int) statuses.stream().filter(s -> s == 200).count();
    }

    private HttpResponse<String> call(String authorization) throws Exception {
        return HTTP.send(request("/test/admission/stt").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void me(String token, String body) {
        IDENTITY.stubFor(WireMock.get("/api/v1/auth/me").withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(body)));
    }
}
