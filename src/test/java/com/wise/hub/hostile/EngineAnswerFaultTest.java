package com.wise.hub.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Engine answers: a 3xx, or a 2xx that is not what the capability expects (not audio for TTS, not a
 * JSON object for the JSON engines), is the engine's fault: the next engine is tried, and nothing is
 * cached or kept for replay. An engine's 401, 403, 404 or 405 (its key expired, a wrong URL) is the
 * hub's misconfiguration: the next engine is tried, then 502 {@code engine-misconfigured}, never the
 * client's 4xx. A client cannot steer engines into such answers with a model name of its own.
 */
class EngineAnswerFaultTest extends HubHttpTest {

    static final String SPEECH = "/v1/audio/speech";
    static final RedisServer REDIS = new RedisServer().start();
    static final WireMockServer TTS_1 = new WireMockServer(options().dynamicPort());
    static final WireMockServer TTS_2 = new WireMockServer(options().dynamicPort());
    static final WireMockServer TRANSLATE = new WireMockServer(options().dynamicPort());
    static final RedissonClient ADMIN;
    static final byte[] WAV = wav();

    static {
        List.of(TTS_1, TTS_2, TRANSLATE).forEach(WireMockServer::start);
        Config config = new Config();
        config.useSingleServer().setAddress(REDIS.url());
        ADMIN = Redisson.create(config);
    }

    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", REDIS::url);
        registry.add("TTS_ENGINE_1_URL", TTS_1::baseUrl);
        registry.add("TTS_ENGINE_2_URL", TTS_2::baseUrl);
        registry.add("TRANSLATION_ENGINE_URL", TRANSLATE::baseUrl);
    }

    @AfterAll
    static void stop() {
        ADMIN.shutdown();
        List.of(TTS_1, TTS_2, TRANSLATE).forEach(WireMockServer::stop);
        REDIS.stop();
    }

    @BeforeEach
    void fresh() {
        ADMIN.getKeys().flushall();
        List.of(TTS_1, TTS_2, TRANSLATE).forEach(WireMockServer::resetAll);
        speaks(TTS_2, aResponse().withStatus(200).withHeader("Content-Type", "audio/wav").withBody(WAV));
    }

    @ParameterizedTest
    @ValueSource(strings = {"html", "json", "empty", "noise", "redirect"})
    void aTtsAnswerThatIsNotAudioFailsOverAndIsNotCached(String answer) throws Exception {
        speaks(TTS_1, switch (answer) {
            case "html" -> aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>hi</html>");
            case "json" -> aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"quota\"}");
            case "empty" -> aResponse().withStatus(200).withHeader("Content-Type", "audio/wav");
            case "noise" -> aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
                    .withBody("not any audio at all".getBytes());
            default -> aResponse().withStatus(302).withHeader("Location", "http://elsewhere.example/x");
        });

        HttpResponse<byte[]> response = speak("tts-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(WAV);
        assertThat(response.headers().firstValue("X-Engine")).hasValue("tts-2");
        assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("tts-1:bad-answer,tts-2:ok");
        assertThat(get("/metrics").body())
                .containsPattern("hub_engine_requests_total\\{[^}]*engine=\"tts-1\",outcome=\"bad-answer\"}");
    }

    @Test
    void whenEveryTtsEngineAnswersGarbageNothingIsCachedOrKeptForReplay() throws Exception {
        var garbage = aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("oops");
        speaks(TTS_1, garbage);
        speaks(TTS_2, garbage);

        HttpResponse<byte[]> first = speak("tts-1", "retry-me");
        HttpResponse<byte[]> retry = speak("tts-1", "retry-me");

        assertThat(first.statusCode()).isEqualTo(502);
        assertProblem(new String(first.body()), "engine-failed");
        assertThat(retry.statusCode()).isEqualTo(502);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
        TTS_1.verify(2, postRequestedFor(urlEqualTo(SPEECH)));
        assertThat(keys("hub:cache:*")).isEmpty();
        assertThat(keys("hub:idempotency:*")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 405})
    void anEnginesRefusalOfTheHubIsMisconfigurationNotTheClientsError(int status) throws Exception {
        TRANSLATE.stubFor(post(urlEqualTo("/translate")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Invalid API key\"}")));

        HttpResponse<String> response = postJson("/v1/translate", "{\"text\":\"hello\",\"target\":\"es\"}");

        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode problem = assertProblem(response.body(), "engine-misconfigured");
        assertThat(problem.get("detail").asText()).contains("not the request's fault").doesNotContain("Invalid API key");
        assertThat(problem.at("/attempts/0/outcome").asText()).isEqualTo("misconfigured");
        assertThat(get("/metrics").body()).containsPattern(
                "hub_engine_requests_total\\{[^}]*engine=\"translate-1\",outcome=\"misconfigured\"}");
        assertThat(keys("hub:cache:*")).isEmpty();
    }

    @Test
    void aTranslationThatIsNotAJsonObjectIsTheEnginesFault() throws Exception {
        TRANSLATE.stubFor(post(urlEqualTo("/translate")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"translatedText\":\"hol")));

        HttpResponse<String> response = postJson("/v1/translate", "{\"text\":\"hello\",\"target\":\"es\"}");

        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode problem = assertProblem(response.body(), "engine-failed");
        assertThat(problem.at("/attempts/0/outcome").asText()).isEqualTo("bad-answer");
        assertThat(keys("hub:cache:*")).isEmpty();
    }

    @Test
    void theClientsRequestIsStillTheClientsErrorWhenTheEngineSaysSo() throws Exception {
        TRANSLATE.stubFor(post(urlEqualTo("/translate")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"unsupported target\"}")));

        HttpResponse<String> response = postJson("/v1/translate", "{\"text\":\"hello\",\"target\":\"es\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response.body(), "engine-rejected-request");
    }

    @Test
    void aModelTheHubDoesNotListIsRefusedBeforeAnyEngineSeesIt() throws Exception {
        HttpResponse<byte[]> response = speak("definitely-not-a-model");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = assertProblem(new String(response.body()), "invalid-model");
        assertThat(problem.get("detail").asText()).contains("tts-1").contains("hub.capabilities.tts.models");
        TTS_1.verify(0, postRequestedFor(urlEqualTo(SPEECH)));
        TTS_2.verify(0, postRequestedFor(urlEqualTo(SPEECH)));
    }

    private static void speaks(WireMockServer engine, ResponseDefinitionBuilder answer) {
        engine.stubFor(post(urlEqualTo(SPEECH)).willReturn(answer));
    }

    private HttpResponse<byte[]> speak(String model) throws Exception {
        return speak(model, null);
    }

    private HttpResponse<byte[]> speak(String model, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = request(SPEECH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model
                        + "\",\"input\":\"Good morning\",\"voice\":\"alloy\",\"response_format\":\"wav\"}"));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode assertProblem(String body, String slug) throws Exception {
        JsonNode problem = json.readTree(body);
        assertThat(problem.get("type").asText()).isEqualTo("urn:wise-ai-hub:problem:" + slug);
        return problem;
    }

    /** Keys matching {@code pattern}, without the single-flight locks (released just after the answer). */
    private static List<String> keys(String pattern) {
        List<String> keys = new ArrayList<>();
        ADMIN.getKeys().getKeysByPattern(pattern).forEach(keys::add);
        keys.removeIf(key -> key.endsWith(":flight"));
        return keys;
    }

    private static byte[] wav() {
        byte[] bytes = new byte[256];
        System.arraycopy("RIFF".getBytes(), 0, bytes, 0, 4);
        System.arraycopy("WAVE".getBytes(), 0, bytes, 8, 4);
        return bytes;
    }
}
