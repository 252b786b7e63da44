package com.wise.hub.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.wise.hub.redis.HubRedis;
import com.wise.hub.redis.RedisWarmup;
import com.wise.hub.support.RedisReadiness;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bearer tokens checked with a fake identity backend (WireMock) and cached in Redis by hash; API
 * keys from configuration; what the client gets when credentials are missing, wrong, or cannot be
 * checked. Driven over HTTP through the test-only stand-in capability route.
 */
@CamelSpringBootTest
@SpringBootTest(classes = com.wise.hub.HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camel.main.jmx-enabled=false", "hub.health.probe-interval=200ms",
            "camel.main.routes-include-pattern=file:routes/*.yaml,file:routes/shared/*.yaml,"
                    + "classpath:admission-test/*.yaml",
            "hub.auth.mode=token", "hub.auth.timeout=1s", "hub.auth.cache-ttl=5m",
            // SHA-256 of "svc-key-123"; the key itself appears nowhere in configuration.
            "hub.auth.api-keys.lms-backend=bbb7163076e7a5322f273f19b9d530c77776788847e8c3e58484e13358ae0ff8",
            "hub.capabilities.chat.limits.per-minute=1000", "hub.capabilities.chat.limits.per-day=100000"})
class AuthenticationTest extends HubHttpTest {

    private static final String ME = "/api/v1/auth/me";
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
    void reset() {
        IDENTITY.resetAll();
        RedisReadiness.awaitWarmedUp(warmup);
        redis.client().orElseThrow().getKeys().flushall();
    }

    @Test
    void aTokenIsVerifiedOnceThenServedFromTheCacheUnderItsHash() throws Exception {
        IDENTITY.stubFor(WireMock.get(ME).withHeader("Authorization", equalTo("Bearer good-token"))
                .willReturn(okJson("{\"id\":\"u-42\",\"email\":\"learner@example.com\"}")));
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = call("Authorization", "Bearer good-token");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("user:u-42");
        }
        IDENTITY.verify(1, getRequestedFor(urlEqualTo(ME)));

        RedissonClient client = redis.client().orElseThrow();
        String key = "hub:auth:" + CredentialHash.of("good-token");
        assertThat(client.getBucket(key, StringCodec.INSTANCE).get()).isEqualTo("u-42");
        assertThat(client.getBucket(key).remainTimeToLive()).isBetween(1L, 300_000L);
        List<String> keys = StreamSupport.stream(client.getKeys().getKeys().spliterator(), false).toList();
        assertThat(keys).noneMatch(k -> k.contains("good-token"));
    }

    @Test
    void concurrentRequestsWithANewTokenShareOneBackendCall() throws Exception {
        IDENTITY.stubFor(WireMock.get(ME).willReturn(okJson("{\"user\":{\"id\":7}}").withFixedDelay(300)));
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(HTTP.sendAsync(admission().header("Authorization", "Bearer fresh-token").build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertThat(call.get().statusCode()).isEqualTo(200);
            assertThat(call.get().body()).isEqualTo("user:7");
        }
        IDENTITY.verify(1, getRequestedFor(urlEqualTo(ME)));
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        IDENTITY.stubFor(WireMock.get(ME).willReturn(aResponse().withStatus(401)));
        HttpResponse<String> response = call("Authorization", "Bearer expired-token");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(new ObjectMapper().readTree(response.body()).get("type").asText())
                .isEqualTo("urn:wise-ai-hub:problem:invalid-token");
        // The refusal is remembered under the token's hash and counted against the address; the token
        // itself is stored nowhere.
        List<String> keys = redis.client().orElseThrow().getKeys().getKeysStream().toList();
        assertThat(keys).hasSize(2).noneMatch(key -> key.contains("expired-token"))
                .anyMatch(key -> key.startsWith("hub:auth:")).anyMatch(key -> key.startsWith("hub:authfail:{"));
        assertThat(call("Authorization", "Bearer expired-token").statusCode()).isEqualTo(401);
        IDENTITY.verify(1, getRequestedFor(urlEqualTo(ME)));
    }

    @Test
    void noCredentialsIs401() throws Exception {
        HttpResponse<String> response = HTTP.send(admission().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).contains("unauthenticated");
        IDENTITY.verify(0, getRequestedFor(urlEqualTo(ME)));
    }

    @Test
    void identityBackendDownIs503ForUncachedTokensOnly() throws Exception {
        IDENTITY.stubFor(WireMock.get(ME).withHeader("Authorization", equalTo("Bearer cached-token"))
                .willReturn(okJson("{\"id\":\"u-1\"}")));
        assertThat(call("Authorization", "Bearer cached-token").statusCode()).isEqualTo(200);

        IDENTITY.resetAll();
        IDENTITY.stubFor(WireMock.get(ME).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        HttpResponse<String> unreachable = call("Authorization", "Bearer new-token");
        assertThat(unreachable.statusCode()).isEqualTo(503);
        assertThat(unreachable.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(unreachable.body()).contains("identity-unavailable");
        assertThat(call("Authorization", "Bearer cached-token").body()).isEqualTo("user:u-1");

        IDENTITY.stubFor(WireMock.get(ME).willReturn(aResponse().withStatus(500)));
        assertThat(call("Authorization", "Bearer other-token").statusCode()).isEqualTo(503);
        IDENTITY.stubFor(WireMock.get(ME).willReturn(okJson("{\"name\":\"no id here\"}")));
        assertThat(call("Authorization", "Bearer odd-token").statusCode()).isEqualTo(503);
    }

    @Test
    void aConfiguredApiKeyIsAcceptedWithoutTheIdentityBackend() throws Exception {
        HttpResponse<String> bearer = call("Authorization", "Bearer svc-key-123");
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(bearer.body()).isEqualTo("key:lms-backend");
        HttpResponse<String> header = call("X-API-Key", "svc-key-123");
        assertThat(header.statusCode()).isEqualTo(200);
        assertThat(header.body()).isEqualTo("key:lms-backend");
        IDENTITY.verify(0, getRequestedFor(urlEqualTo(ME)));

        HttpResponse<String> wrong = call("X-API-Key", "svc-key-124");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("invalid-api-key");
    }

    private HttpRequest.Builder admission() {
        return request("/test/admission/chat").POST(HttpRequest.BodyPublishers.noBody());
    }

    private HttpResponse<String> call(String header, String value) throws Exception {
        return HTTP.send(admission().header(header, value).build(), HttpResponse.BodyHandlers.ofString());
    }
}
