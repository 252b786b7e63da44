package com.wise.hub.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.wise.hub.support.AudioSamples;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.MultipartBody;
import com.wise.hub.support.RedisServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Quotas: every request that reaches an engine is charged, whatever it carries; an idempotent replay
 * is free only when a stored answer is actually served; a request that failed before any engine was
 * called gets its unit back. Read from the daily counter in Redis.
 */
@TestPropertySource(properties = {"hub.capabilities.stt.limits.per-day=500", "hub.capabilities.translation.limits.per-day=50",
        "hub.capabilities.phonemes.limits.per-day=50"})
class QuotaChargeTest extends HubHttpTest {

    static final RedisServer REDIS = new RedisServer().start();
    static final WireMockServer ENGINE = new WireMockServer(options().dynamicPort());
    static final RedissonClient ADMIN;

    static {
        ENGINE.start();
        Config config = new Config();
        config.useSingleServer().setAddress(REDIS.url());
        ADMIN = Redisson.create(config);
    }

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", REDIS::url);
        registry.add("STT_ENGINE_1_URL", ENGINE::baseUrl);
        registry.add("TRANSLATION_ENGINE_URL", ENGINE::baseUrl);
        registry.add("PHONEMIZER_URL", () -> "");
    }

    @AfterAll
    static void stop() {
        ADMIN.shutdown();
        ENGINE.stop();
        REDIS.stop();
    }

    @BeforeEach
    void fresh() {
        ADMIN.getKeys().flushall();
        ENGINE.resetAll();
        ENGINE.stubFor(post(urlEqualTo("/v1/audio/transcriptions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"text\":\"hello\"}")));
        ENGINE.stubFor(post(urlEqualTo("/translate")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"translatedText\":\"hola\"}")));
    }

    @Test
    void threeTranscriptionsWithOneIdempotencyKeyAreThreeEngineCallsAndThreeUnits() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = transcribe("fixed-key");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-RateLimit-Remaining-Day")).hasValue(String.valueOf(499 - i));
        }
        ENGINE.verify(3, postRequestedFor(urlEqualTo("/v1/audio/transcriptions")));
        assertThat(usedToday("stt")).isEqualTo(3);
    }

    @Test
    void aServedReplayIsFreeAndANewRequestWithTheSameKeyIsNot() throws Exception {
        HttpResponse<String> first = translate("order-7", "hello");
        HttpResponse<String> replay = translate("order-7", "hello");

        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(replay.body()).isEqualTo(first.body());
        ENGINE.verify(1, postRequestedFor(urlEqualTo("/translate")));
        await().atMost(Duration.ofSeconds(5)).until(() -> usedToday("translation") == 1);
        // The same key with another request is refused (422), and still counted: it was a request.
        assertThat(translate("order-7", "goodbye").statusCode()).isEqualTo(422);
        assertThat(usedToday("translation")).isEqualTo(2);
    }

    @Test
    void aRequestThatNeverReachedAnEngineGetsItsUnitBack() throws Exception {
        HttpResponse<String> response = postJson("/v1/phonemes", "{\"text\":\"hello\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        await().atMost(Duration.ofSeconds(5)).until(() -> usedToday("phonemes") == 0);
    }

    @Test
    void aRequestWhoseEngineFailedStaysCharged() throws Exception {
        ENGINE.stubFor(post(urlEqualTo("/translate")).willReturn(aResponse().withStatus(500)));

        assertThat(translate(null, "boom").statusCode()).isEqualTo(502);

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> usedToday("translation") == 1);
    }

    private HttpResponse<String> transcribe(String key) throws Exception {
        MultipartBody body = new MultipartBody().file("file", "a.wav", "audio/wav", AudioSamples.wav(4096))
                .field("model", "whisper-1");
        return HTTP.send(request("/v1/audio/transcriptions").header("Content-Type", body.contentType())
                .header("Idempotency-Key", key).POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> translate(String key, String text) throws Exception {
        HttpRequest.Builder request = request("/v1/translate").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\",\"target\":\"es\"}"));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The caller's daily counter for {@code feature}, read straight from Redis. */
    private static long usedToday(String feature) {
        long total = 0;
        for (String key : ADMIN.getKeys().getKeysByPattern("hub:rl:*:" + feature + ":day:*")) {
            total += Long.parseLong(ADMIN.<String>getBucket(key, org.redisson.client.codec.StringCodec.INSTANCE).get());
        }
        return total;
    }
}
