package com.wise.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.wise.hub.metrics.HubMetricNames;
import com.wise.hub.redis.HubRedis;
import com.wise.hub.support.AudioSamples;
import com.wise.hub.support.HttpFromAddress;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.MultipartBody;
import com.wise.hub.support.MutableClock;
import com.wise.hub.support.RedisServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * routes/shared/admission.yaml over HTTP, through the test-only stand-in capability route
 * (src/test/resources/admission-test): sliding window, daily quota, headers, give-back,
 * idempotent replays and client addresses behind proxies; and through the real STT route
 * (routes/stt.yaml) with WireMock engines. The clock is the test's.
 */
@CamelSpringBootTest
@SpringBootTest(classes = {com.wise.hub.HubApplication.class, AdmissionRoutesTest.TestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camel.main.jmx-enabled=false", "hub.health.probe-interval=200ms",
            "camel.main.routes-include-pattern=file:routes/*.yaml,file:routes/shared/*.yaml,"
                    + "classpath:admission-test/*.yaml",
            "hub.auth.mode=off", "hub.trusted-proxies=127.0.0.2/32", "hub.limits.timezone=Asia/Tokyo",
            "hub.capabilities.tts.limits.per-minute=3", "hub.capabilities.tts.limits.per-day=1000",
            "hub.capabilities.stt.limits.per-minute=100", "hub.capabilities.stt.limits.per-day=2",
            "hub.capabilities.translation.limits.per-minute=100", "hub.capabilities.translation.limits.per-day=2",
            "hub.capabilities.phonemes.limits.per-minute=100", "hub.capabilities.phonemes.limits.per-day=2",
            "hub.capabilities.visemes.limits.per-minute=1", "hub.capabilities.visemes.limits.per-day=1000"})
class AdmissionRoutesTest extends HubHttpTest {

    private static final RedisServer REDIS = new RedisServer();
    private static final WireMockServer STT_ENGINE = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-03-10T03:00:00Z"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        REDIS.start();
        if (!STT_ENGINE.isRunning()) {
            STT_ENGINE.start();
        }
        registry.add("hub.redis.url", REDIS::url);
        registry.add("STT_ENGINE_1_URL", STT_ENGINE::baseUrl);
        registry.add("STT_ENGINE_2_URL", STT_ENGINE::baseUrl);
    }

    @AfterAll
    static void stopRedis() {
        STT_ENGINE.stop();
        REDIS.stop();
    }

    @Autowired
    HubRedis redis;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void freshLimits() {
        redis.client().orElseThrow().getKeys().flushall();
        CLOCK.set(Instant.parse("2025-03-10T03:00:00Z"));
    }

    @Test
    void windowSlidesWithTheClockAndHeadersTellWhenASlotFrees() throws Exception {
        assertAdmitted(admit("tts"), "3", "2", "60");
        CLOCK.advance(Duration.ofSeconds(20));
        assertAdmitted(admit("tts"), "3", "1", "40");
        CLOCK.advance(Duration.ofSeconds(20));
        assertAdmitted(admit("tts"), "3", "0", "20");

        CLOCK.advance(Duration.ofSeconds(10));
        HttpResponse<String> refused = admit("tts");
        assertRefused(refused, "per-minute", "10");
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(refused.headers().firstValue("X-RateLimit-Reset")).hasValue("10");

        // At 60 s the first request leaves the window: one slot, and the next frees at 80 s.
        CLOCK.advance(Duration.ofSeconds(10));
        assertAdmitted(admit("tts"), "3", "0", "20");
        CLOCK.advance(Duration.ofSeconds(1));
        assertRefused(admit("tts"), "per-minute", "19");
    }

    @Test
    void dailyQuotaRefusesUntilMidnightInTheConfiguredZone() throws Exception {
        // 14:59:50 UTC is 23:59:50 in Asia/Tokyo.
        CLOCK.set(Instant.parse("2025-03-10T14:59:50Z"));
        HttpResponse<String> first = admit("stt");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-RateLimit-Limit-Day")).hasValue("2");
        assertThat(first.headers().firstValue("X-RateLimit-Remaining-Day")).hasValue("1");
        assertThat(first.headers().firstValue("X-RateLimit-Reset-Day")).hasValue("10");
        assertThat(admit("stt").headers().firstValue("X-RateLimit-Remaining-Day")).hasValue("0");

        HttpResponse<String> refused = admit("stt");
        assertRefused(refused, "per-day", "10");
        assertThat(problem(refused).get("detail").asText()).contains("daily quota of 2 stt requests", "Asia/Tokyo");

        CLOCK.advance(Duration.ofSeconds(9));
        assertRefused(admit("stt"), "per-day", "1");
        CLOCK.advance(Duration.ofSeconds(1));
        HttpResponse<String> nextDay = admit("stt");
        assertThat(nextDay.statusCode()).isEqualTo(200);
        assertThat(nextDay.headers().firstValue("X-RateLimit-Remaining-Day")).hasValue("1");
        assertThat(nextDay.headers().firstValue("X-RateLimit-Reset-Day")).hasValue("86400");
    }

    @Test
    void engineFailureGivesTheQuotaUnitBackButAClientErrorDoesNot() throws Exception {
        HttpResponse<String> badInput = admit("translation", Map.of("X-Test-Outcome", "bad-input"));
        assertThat(badInput.statusCode()).isEqualTo(400);
        assertThat(badInput.headers().firstValue("X-RateLimit-Remaining-Day")).hasValue("1");

        double givenBack = givenBack("translation");
        HttpResponse<String> engineDown = admit("translation", Map.of("X-Test-Outcome", "engine-down"));
        assertThat(engineDown.statusCode()).isEqualTo(500);
        assertThat(engineDown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(engineDown.headers().allValues("X-RateLimit-Remaining-Day")).containsExactly("0");
        await().atMost(Duration.ofSeconds(5)).until(() -> givenBack("translation") == givenBack + 1);

        assertThat(admit("translation").headers().firstValue("X-RateLimit-Remaining-Day")).hasValue("0");
        assertRefused(admit("translation"), "per-day", null);
    }

    @Test
    void anIdempotencyKeyAloneDoesNotSkipTheQuota() throws Exception {
        // The stand-in route has no idempotency step: nothing is replayed, so every request is charged.
        assertThat(admit("phonemes", Map.of("Idempotency-Key", "order-1"))
                .headers().firstValue("X-RateLimit-Remaining-Day")).hasValue("1");
        assertThat(admit("phonemes", Map.of("Idempotency-Key", "order-1"))
                .headers().firstValue("X-RateLimit-Remaining-Day")).hasValue("0");
        assertRefused(admit("phonemes", Map.of("Idempotency-Key", "order-1")), "per-day", null);
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
        HttpFromAddress.Response first = fromAddress("127.0.0.1", "198.51.100.1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("ip:127.0.0.1");
        // A different spoofed address is still the same caller, with the same (spent) limit.
        HttpFromAddress.Response spoofed = fromAddress("127.0.0.1", "198.51.100.2");
        assertThat(spoofed.status()).isEqualTo(429);
    }

    @Test
    void forwardedForFromATrustedProxyNamesTheClient() throws Exception {
        HttpFromAddress.Response a = fromAddress("127.0.0.2", "198.51.100.7");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("ip:198.51.100.7");
        HttpFromAddress.Response b = fromAddress("127.0.0.2", "198.51.100.8");
        assertThat(b.status()).isEqualTo(200);
        assertThat(b.body()).isEqualTo("ip:198.51.100.8");
        assertThat(fromAddress("127.0.0.2", "198.51.100.7").status()).isEqualTo(429);
        // Read from the right: a trusted hop is skipped, the first untrusted address is the client.
        assertThat(fromAddress("127.0.0.2", "203.0.113.9, 127.0.0.2").body()).isEqualTo("ip:203.0.113.9");
    }

    @Test
    void aRequestIsAdmittedOnceEvenWhenItsRouteCallsAnotherCapability() throws Exception {
        HttpResponse<String> nested = admit("tts", Map.of("X-Test-Outcome", "nested"));
        assertAdmitted(nested, "3", "2", "60");
        // The nested chat admission neither counted nor replaced the tts headers.
        assertThat(admit("chat").headers().firstValue("X-RateLimit-Remaining")).hasValue("29");
    }

    @Test
    void theRealSttRouteChargesEveryRequestThatReachedAnEngineEvenWhenItFailed() throws Exception {
        STT_ENGINE.resetAll();
        STT_ENGINE.stubFor(WireMock.post("/v1/audio/transcriptions").willReturn(WireMock.okJson("{\"text\":\"hi\"}")));
        HttpResponse<String> served = transcribe();
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("X-Engine")).hasValue("stt-1");
        assertThat(served.headers().allValues("X-RateLimit-Remaining-Day")).containsExactly("1");
        assertThat(served.headers().allValues("X-RateLimit-Limit")).containsExactly("100");

        STT_ENGINE.resetAll();
        STT_ENGINE.stubFor(WireMock.post("/v1/audio/transcriptions").willReturn(WireMock.aResponse().withStatus(503)));
        double givenBack = givenBack("stt");
        HttpResponse<String> failed = transcribe();
        assertThat(failed.statusCode()).isBetween(502, 504);
        assertThat(failed.headers().allValues("X-RateLimit-Remaining-Day")).containsExactly("0");

        STT_ENGINE.resetAll();
        STT_ENGINE.stubFor(WireMock.post("/v1/audio/transcriptions").willReturn(WireMock.okJson("{\"text\":\"hi\"}")));
        HttpResponse<String> spent = transcribe();
        assertRefused(spent, "per-day", null);
        assertThat(givenBack("stt")).as("the failed call cost an engine call").isEqualTo(givenBack);
        assertThat(STT_ENGINE.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/v1/audio/transcriptions"))))
                .as("a refused request never reaches an engine").isEmpty();
    }

    @Test
    void unknownFeatureIsAServerSideBugNotAClientError() throws Exception {
        HttpResponse<String> response = admit("karaoke");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private HttpResponse<String> transcribe() throws IOException, InterruptedException {
        MultipartBody body = new MultipartBody().file("file", "talk.wav", "audio/wav", AudioSamples.wav(4096))
                .field("model", "whisper-1");
        return HTTP.send(request("/v1/audio/transcriptions").header("Content-Type", body.contentType())
                .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpFromAddress.Response fromAddress(String local, String forwardedFor) throws IOException {
        return HttpFromAddress.post(local, port, "/test/admission/visemes", Map.of("X-Forwarded-For", forwardedFor));
    }

    private HttpResponse<String> admit(String feature) throws IOException, InterruptedException {
        return admit(feature, Map.of());
    }

    private HttpResponse<String> admit(String feature, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = request("/test/admission/" + feature).POST(HttpRequest.BodyPublishers.noBody());
        new LinkedHashMap<>(headers).forEach(builder::header);
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertAdmitted(HttpResponse<String> response, String limit, String remaining, String reset) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("X-RateLimit-Limit")).containsExactly(limit);
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue(remaining);
        assertThat(response.headers().firstValue("X-RateLimit-Reset")).hasValue(reset);
    }

    private static void assertRefused(HttpResponse<String> response, String limit, String retryAfter)
            throws IOException {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().allValues("X-RateLimit-Remaining")).hasSize(1);
        assertThat(response.headers().allValues("Retry-After")).hasSize(1);
        JsonNode problem = problem(response);
        assertThat(problem.get("type").asText()).isEqualTo("urn:wise-ai-hub:problem:rate-limited");
        assertThat(problem.get("limit").asText()).isEqualTo(limit);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        if (retryAfter != null) {
            assertThat(response.headers().firstValue("Retry-After")).hasValue(retryAfter);
        }
    }

    private static JsonNode problem(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private double givenBack(String feature) {
        var counter = meters.find(HubMetricNames.QUOTA_GIVEN_BACK).tag("feature", feature).counter();
        return counter == null ? 0 : counter.count();
    }
}
