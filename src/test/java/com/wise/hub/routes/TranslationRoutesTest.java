package com.wise.hub.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.wise.hub.HubApplication;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /v1/translate} (routes/translation.yaml) over HTTP with a real Redis and the
 * LibreTranslate engine faked by WireMock: the contract both ways, the cache (hits, single flight
 * across two hub instances, Cache-Control, errors not cached, Redis outage), idempotency, bad input.
 */
class TranslationRoutesTest extends HubHttpTest {

    static final String PATH = "/v1/translate";
    static final RedisServer REDIS = new RedisServer().start();
    static final WireMockServer ENGINE = new WireMockServer(options().dynamicPort());
    static final RedissonClient ADMIN;

    static {
        ENGINE.start();
        Config config = new Config();
        config.useSingleServer().setAddress(REDIS.url());
        ADMIN = Redisson.create(config);
    }

    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void engineAndRedis(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", REDIS::url);
        registry.add("TRANSLATION_ENGINE_URL", ENGINE::baseUrl);
    }

    @AfterAll
    static void stop() {
        ADMIN.shutdown();
        ENGINE.stop();
        REDIS.stop();
    }

    @BeforeEach
    void freshEngineAndCache() {
        ADMIN.getKeys().flushall();
        ENGINE.resetAll();
        engineAnswers(200, "{\"translatedText\":\"hola\"}");
    }

    @Test
    void translatesWithTheLibreTranslateContract() throws Exception {
        HttpResponse<String> response = translate("{\"target\":\"es\",\"text\":\"  hello \",\"source\":\"EN\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body())).isEqualTo(json.readTree(
                "{\"translatedText\":\"hola\",\"source\":\"en\",\"target\":\"es\"}"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("X-Engine")).hasValue("translate-1");
        assertThat(response.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        ENGINE.verify(1, postRequestedFor(urlEqualTo("/translate")).withRequestBody(equalToJson(
                "{\"q\":\"hello\",\"source\":\"en\",\"target\":\"es\",\"format\":\"text\"}")));
    }

    @Test
    void autoSourceAnswersWithTheDetectedLanguage() throws Exception {
        engineAnswers(200, "{\"translatedText\":\"hello\",\"detectedLanguage\":{\"confidence\":90,\"language\":\"vi\"}}");

        HttpResponse<String> response = translate("{\"text\":\"xin chào\",\"target\":\"en\"}");

        assertThat(json.readTree(response.body()).get("source").asText()).isEqualTo("vi");
        ENGINE.verify(postRequestedFor(urlEqualTo("/translate")).withRequestBody(equalToJson(
                "{\"q\":\"xin chào\",\"source\":\"auto\",\"target\":\"en\",\"format\":\"text\"}")));
    }

    @Test
    void theSameRequestIsAHitWithOneEngineCall() throws Exception {
        HttpResponse<String> first = translate("{\"text\":\"hello\",\"source\":\"en\",\"target\":\"es\"}");
        HttpResponse<String> second = translate("{\"source\":\"en\",\"target\":\"es\",\"text\":\"hello\"}");

        assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(second.headers().firstValue("X-Engine")).hasValue("translate-1");
        assertThat(second.body()).isEqualTo(first.body());
        ENGINE.verify(1, postRequestedFor(urlEqualTo("/translate")));
        assertThat(get("/metrics").body())
                .containsPattern("hub_cache_requests_total\\{[^}]*kind=\"translation\",result=\"hit\"}")
                .containsPattern("hub_cache_requests_total\\{[^}]*kind=\"translation\",result=\"miss\"}");
        List<String> keys = new ArrayList<>();
        ADMIN.getKeys().getKeysByPattern("hub:cache:translation:*").forEach(keys::add);
        assertThat(keys).hasSize(1);
        assertThat(ADMIN.getKeys().remainTimeToLive(keys.get(0)))
                .isBetween(Duration.ofDays(7).minusMinutes(1).toMillis(), Duration.ofDays(7).toMillis());
    }

    @Test
    void fiftyConcurrentIdenticalMissesThroughTwoHubInstancesMakeOneEngineCall() throws Exception {
        ENGINE.stubFor(post(urlEqualTo("/translate")).willReturn(aResponse().withStatus(200).withFixedDelay(1500)
                .withHeader("Content-Type", "application/json").withBody("{\"translatedText\":\"một lần\"}")));
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(HubApplication.class).run(
                "--server.port=0", "--camel.main.jmx-enabled=false", "--hub.health.probe-interval=200ms",
                "--hub.redis.url=" + REDIS.url(), "--TRANSLATION_ENGINE_URL=" + ENGINE.baseUrl(),
                // As HubHttpTest runs the first instance: no credentials, limits no test reaches.
                "--hub.auth.mode=off", "--hub.capabilities.translation.limits.per-minute=10000")) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            // Both instances have served a request before, as running replicas have.
            translate("{\"text\":\"warm up\",\"target\":\"vi\"}");
            HTTP.send(translation(URI.create("http://127.0.0.1:" + secondPort + PATH), "{\"text\":\"warm\",\"target\":\"vi\"}").build(),
                    HttpResponse.BodyHandlers.ofString());
            ENGINE.resetRequests();

            String body = "{\"text\":\"once\",\"source\":\"en\",\"target\":\"vi\"}";
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                URI target = i % 2 == 0 ? uri(PATH) : URI.create("http://127.0.0.1:" + secondPort + PATH);
                calls.add(HTTP.sendAsync(translation(target, body).build(), HttpResponse.BodyHandlers.ofString()));
            }
            List<String> caches = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(json.readTree(response.body()).get("translatedText").asText()).isEqualTo("một lần");
                caches.add(response.uri().getPort() + ":" + response.headers().firstValue("X-Cache").orElseThrow());
            }
            assertThat(caches.stream().map(c -> c.substring(c.indexOf(':') + 1)).toList()).as(caches.toString())
                    .containsOnlyOnce("MISS").containsOnly("MISS", "HIT");
            ENGINE.verify(1, postRequestedFor(urlEqualTo("/translate")));
        }
    }

    @Test
    void noCacheAsksTheEngineAgainAndNoStoreLeavesTheCacheAlone() throws Exception {
        String body = "{\"text\":\"hello\",\"source\":\"en\",\"target\":\"es\"}";
        translate(body);
        engineAnswers(200, "{\"translatedText\":\"¡hola!\"}");

        HttpResponse<String> noCache = send(translation(uri(PATH), body).header("Cache-Control", "no-cache"));
        HttpResponse<String> noStore = send(translation(uri(PATH), body).header("Cache-Control", "no-store"));
        HttpResponse<String> after = translate(body);

        assertThat(noCache.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(noCache.headers().firstValue("Cache-Control")).isEmpty();
        assertThat(noStore.headers().firstValue("X-Cache")).hasValue("BYPASS");
        assertThat(after.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(json.readTree(after.body()).get("translatedText").asText()).isEqualTo("¡hola!");
        ENGINE.verify(3, postRequestedFor(urlEqualTo("/translate")));
    }

    @Test
    void engineFailuresAreNotCached() throws Exception {
        engineAnswers(500, "{\"error\":\"out of memory\"}");
        HttpResponse<String> failed = translate("{\"text\":\"hello\",\"target\":\"es\"}");
        engineAnswers(200, "{\"translatedText\":\"hola\"}");
        HttpResponse<String> retried = translate("{\"text\":\"hello\",\"target\":\"es\"}");

        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.headers().firstValue("X-Cache")).hasValue("MISS");
    }

    @Test
    void anAnswerThatBreaksTheContractIs502AndNotCached() throws Exception {
        engineAnswers(200, "{\"translation\":\"hola\"}");
        HttpResponse<String> wrong = translate("{\"text\":\"hello\",\"target\":\"es\"}");

        assertThat(wrong.statusCode()).isEqualTo(502);
        assertThat(json.readTree(wrong.body()).get("type").asText()).endsWith("engine-bad-answer");
        // The entry, not the flight lock (released when the exchange completes, after the answer is sent).
        assertThat(ADMIN.getKeys().getKeysByPattern("hub:cache:*}").iterator().hasNext()).isFalse();
    }

    @Test
    void anUnsupportedPairIsTheEnginesClientError() throws Exception {
        engineAnswers(400, "{\"error\":\"en is not supported as a target for xx\"}");
        HttpResponse<String> rejected = translate("{\"text\":\"hello\",\"source\":\"xx\",\"target\":\"en\"}");

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(json.readTree(rejected.body()).get("type").asText()).endsWith("engine-rejected-request");
    }

    @Test
    void redisStoppedMeansBypassAndRedisBackMeansHitsAgain() throws Exception {
        String body = "{\"text\":\"hello\",\"target\":\"es\"}";
        translate(body);
        REDIS.stop();
        try {
            HttpResponse<String> during = translate(body);
            assertThat(during.statusCode()).isEqualTo(200);
            assertThat(during.headers().firstValue("X-Cache")).hasValue("BYPASS");
            assertThat(get("/metrics").body()).containsPattern("hub_redis_errors_total\\{[^}]*operation=\"cache-lookup\",reason=\"unreachable\"}");
        } finally {
            REDIS.start();
        }
        Awaitility.await("HITs come back by themselves").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> translate(body).headers().firstValue("X-Cache").orElse("").equals("HIT"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() throws Exception {
        String body = "{\"text\":\"hello\",\"target\":\"es\"}";
        HttpResponse<String> first = send(translation(uri(PATH), body).header("Idempotency-Key", "k-1"));
        engineAnswers(200, "{\"translatedText\":\"changed\"}");
        HttpResponse<String> retry = send(translation(uri(PATH), body).header("Idempotency-Key", "k-1")
                .header("Cache-Control", "no-cache"));
        HttpResponse<String> reused = send(translation(uri(PATH), "{\"text\":\"bye\",\"target\":\"es\"}")
                .header("Idempotency-Key", "k-1"));

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(reused.statusCode()).isEqualTo(422);
        ENGINE.verify(1, postRequestedFor(urlEqualTo("/translate")));
    }

    @Test
    void aRetryWhileTheFirstRunsIs409WithRetryAfter() throws Exception {
        ENGINE.stubFor(post(urlEqualTo("/translate")).willReturn(aResponse().withStatus(200).withFixedDelay(2000)
                .withHeader("Content-Type", "application/json").withBody("{\"translatedText\":\"hola\"}")));
        String body = "{\"text\":\"slow\",\"target\":\"es\"}";
        CompletableFuture<HttpResponse<String>> first = HTTP.sendAsync(
                translation(uri(PATH), body).header("Idempotency-Key", "k-2").build(), HttpResponse.BodyHandlers.ofString());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !ENGINE.getAllServeEvents().isEmpty());

        HttpResponse<String> duplicate = send(translation(uri(PATH), body).header("Idempotency-Key", "k-2"));

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"target\":\"es\"}                                  | invalid-text",
        "{\"text\":\"   \",\"target\":\"es\"}                 | invalid-text",
        "{\"text\":42,\"target\":\"es\"}                      | invalid-text",
        "{\"text\":\"hello\"}                                 | invalid-target",
        "{\"text\":\"hello\",\"target\":\"auto\"}             | invalid-target",
        "{\"text\":\"hello\",\"target\":\"Spanish!\"}         | invalid-target",
        "{\"text\":\"hello\",\"source\":\"e\",\"target\":\"es\"} | invalid-source",
        "{\"text\":\"hello\",                                 | malformed-json",
        "[\"hello\"]                                          | malformed-json"})
    void badInputIs400WithAProblemNamingTheField(String body, String type) throws Exception {
        HttpResponse<String> response = translate(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("type").asText()).endsWith(":" + type);
        ENGINE.verify(0, postRequestedFor(urlEqualTo("/translate")));
    }

    @Test
    void tooLongTextAndWrongContentTypeAreRejected() throws Exception {
        HttpResponse<String> tooLong = translate("{\"text\":\"" + "a".repeat(5001) + "\",\"target\":\"es\"}");
        HttpResponse<String> notJson = send(request(PATH).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));
        HttpResponse<String> badKey = send(translation(uri(PATH), "{\"text\":\"hi\",\"target\":\"es\"}")
                .header("Idempotency-Key", "has space"));

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("5001");
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badKey.body()).contains("invalid-idempotency-key");
    }

    private void engineAnswers(int status, String body) {
        ENGINE.stubFor(post(urlEqualTo("/translate")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private HttpResponse<String> translate(String body) throws Exception {
        return postJson(PATH, body);
    }

    private HttpRequest.Builder translation(URI target, String body) {
        return HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
