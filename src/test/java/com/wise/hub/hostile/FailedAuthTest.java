package com.wise.hub.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.wise.hub.redis.HubRedis;
import com.wise.hub.support.HttpFromAddress;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.MultipartBody;
import com.wise.hub.support.RedisServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Auth: credentials only from headers (never a query parameter or a form field); a rejected token
 * is remembered, so repeating it costs no identity-backend call; random tokens or guessed keys from
 * one address are limited before the backend is asked, across replicas (Redis) and without Redis.
 */
@TestPropertySource(properties = {
        "camel.main.routes-include-pattern=file:routes/*.yaml,file:routes/shared/*.yaml,classpath:admission-test/*.yaml",
        "hub.auth.mode=token", "hub.auth.failed-attempts-per-minute=5",
        // SHA-256 of "svc-key-123"
        "hub.auth.api-keys.lms=bbb7163076e7a5322f273f19b9d530c77776788847e8c3e58484e13358ae0ff8"})
class FailedAuthTest extends HubHttpTest {

    static final String ME = "/api/v1/auth/me";
    static final String KEY = "svc-key-123";
    static final RedisServer REDIS = new RedisServer().start();
    static final WireMockServer IDENTITY = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        IDENTITY.start();
    }

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    HubRedis redis;

    @DynamicPropertySource
    static void dependencies(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", REDIS::url);
        registry.add("hub.auth.identity-url", IDENTITY::baseUrl);
    }

    @AfterAll
    static void stop() {
        IDENTITY.stop();
        REDIS.stop();
    }

    @BeforeEach
    void reset() {
        if (!REDIS.isRunning()) {
            REDIS.start();
        }
        redis.client().orElseThrow().getKeys().flushall();
        IDENTITY.resetAll();
        IDENTITY.stubFor(WireMock.get(urlEqualTo(ME)).willReturn(aResponse().withStatus(401)));
        IDENTITY.stubFor(WireMock.get(urlEqualTo(ME)).withHeader("Authorization", equalTo("Bearer good-token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"42\"}")));
    }

    @Test
    void randomTokensFromOneAddressCostAtMostTheLimitInBackendCalls() throws Exception {
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            HttpFromAddress.Response response = fromAddress("127.0.0.5", "Bearer " + UUID.randomUUID());
            assertThat(response.status()).isIn(401, 429);
            if (response.status() == 429) {
                refused++;
                assertThat(response.headers()).containsKey("retry-after");
                assertType(response.body(), "too-many-failed-credentials");
            }
        }
        assertThat(refused).isEqualTo(35);
        IDENTITY.verify(5, getRequestedFor(urlEqualTo(ME)));
        // Another address is not punished, and a valid API key from the blocked one still works.
        assertThat(fromAddress("127.0.0.6", "Bearer good-token").status()).isEqualTo(200);
        assertThat(HttpFromAddress.post("127.0.0.5", port, "/test/admission/chat", Map.of("X-API-Key", KEY)).status())
                .isEqualTo(200);
    }

    @Test
    void aRejectedTokenIsRememberedAndCostsOneBackendCall() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpFromAddress.Response response = fromAddress("127.0.0.7", "Bearer stolen-and-expired");
            assertThat(response.status()).isEqualTo(401);
            assertType(response.body(), "invalid-token");
        }
        IDENTITY.verify(1, getRequestedFor(urlEqualTo(ME)));
    }

    @Test
    void guessedApiKeysAreLimitedToo() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(HttpFromAddress.post("127.0.0.8", port, "/test/admission/chat",
                    Map.of("X-API-Key", "guess-" + i)).status()).isEqualTo(401);
        }
        HttpFromAddress.Response sixth = HttpFromAddress.post("127.0.0.8", port, "/test/admission/chat",
                Map.of("X-API-Key", "guess-6"));
        assertThat(sixth.status()).isEqualTo(429);
    }

    @Test
    void withoutRedisEachReplicaStillLimitsFailedAttempts() throws Exception {
        REDIS.stop();
        for (int i = 0; i < 10; i++) {
            fromAddress("127.0.0.9", "Bearer " + UUID.randomUUID());
        }
        IDENTITY.verify(5, getRequestedFor(urlEqualTo(ME)));
        assertThat(fromAddress("127.0.0.9", "Bearer " + UUID.randomUUID()).status()).isEqualTo(429);
    }

    @Test
    void credentialsInTheQueryStringAreNotCredentials() throws Exception {
        for (String query : new String[] {"?X-API-Key=" + KEY, "?Authorization=Bearer%20good-token"}) {
            HttpResponse<String> response = HTTP.send(request("/test/admission/chat" + query)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(query).isEqualTo(401);
            assertType(response.body(), "unauthenticated");
        }
        IDENTITY.verify(0, getRequestedFor(urlEqualTo(ME)));
    }

    @Test
    void credentialsInAFormFieldAreNotCredentials() throws Exception {
        MultipartBody body = new MultipartBody().field("X-API-Key", KEY).field("Authorization", "Bearer good-token")
                .file("file", "a.wav", "audio/wav", new byte[16]);
        HttpResponse<String> response = HTTP.send(request("/v1/audio/transcriptions")
                .header("Content-Type", body.contentType()).POST(body.publisher()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        IDENTITY.verify(0, getRequestedFor(urlEqualTo(ME)));
    }

    @Test
    void aRequestIdInTheQueryStringIsIgnored() throws Exception {
        HttpResponse<String> response = HTTP.send(request("/test/admission/chat?X-Request-Id=evil%0d%0aSet-Cookie:x")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).doesNotContain("evil");
        assertThat(json.readTree(response.body()).get("requestId").asText()).isEqualTo(id);
    }

    private HttpFromAddress.Response fromAddress(String address, String authorization) throws Exception {
        return HttpFromAddress.post(address, port, "/test/admission/chat", Map.of("Authorization", authorization));
    }

    private void assertType(String body, String slug) throws Exception {
        assertThat(json.readTree(body).get("type").asText()).isEqualTo("urn:wise-ai-hub:problem:" + slug);
    }
}
