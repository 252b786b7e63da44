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
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /v1/audio/speech} (routes/tts.yaml) over HTTP with a real Redis and three TTS engines
 * faked by WireMock: routing by the voice catalogue, failover 1 → 2, the audio cached byte for byte
 * with its own TTL, large audio not cached, and every bad input.
 */
class TtsRoutesTest extends HubHttpTest {

    static final String PATH = "/v1/audio/speech";
    static final RedisServer REDIS = new RedisServer().start();
    static final WireMockServer TTS_1 = new WireMockServer(options().dynamicPort());
    static final WireMockServer TTS_2 = new WireMockServer(options().dynamicPort());
    static final WireMockServer TTS_VI = new WireMockServer(options().dynamicPort());
    static final RedissonClient ADMIN;
    static final byte[] AUDIO = audio(600);

    static {
        List.of(TTS_1, TTS_2, TTS_VI).forEach(WireMockServer::start);
        Config config = new Config();
        config.useSingleServer().setAddress(REDIS.url());
        ADMIN = Redisson.create(config);
    }

    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void enginesAndRedis(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", REDIS::url);
        registry.add("TTS_ENGINE_1_URL", TTS_1::baseUrl);
        registry.add("TTS_ENGINE_2_URL", TTS_2::baseUrl);
        registry.add("TTS_ENGINE_VI_URL", TTS_VI::baseUrl);
        registry.add("hub.capabilities.tts.cache-ttl", () -> "3h");
        registry.add("hub.cache.max-entry-size", () -> "1KB");
    }

    @AfterAll
    static void stop() {
        ADMIN.shutdown();
        List.of(TTS_1, TTS_2, TTS_VI).forEach(WireMockServer::stop);
        REDIS.stop();
    }

    @BeforeEach
    void enginesSpeak() {
        ADMIN.getKeys().flushall();
        for (WireMockServer engine : List.of(TTS_1, TTS_2, TTS_VI)) {
            engine.resetAll();
            engine.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "audio/wav").withBody(AUDIO)));
        }
    }

    @Test
    void anOpenAiVoiceIsSpokenByEngine1WithTheOpenAiRequest() throws Exception {
        HttpResponse<byte[]> response = speak("{\"model\":\"tts-1\",\"input\":\"  Hello there \",\"voice\":\"Alloy\","
                + "\"response_format\":\"wav\",\"speed\":1.25,\"instructions\":\"cheerful\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(AUDIO);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(response.headers().firstValue("X-Engine")).hasValue("tts-1");
        assertThat(response.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        TTS_1.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Content-Type", com.github.tomakehurst.wiremock
                .client.WireMock.equalTo("application/json")).withRequestBody(equalToJson("{\"model\":\"tts-1\","
                + "\"input\":\"Hello there\",\"voice\":\"alloy\",\"response_format\":\"wav\",\"speed\":1.25,"
                + "\"stream\":false}")));
        TTS_2.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aVietnameseVoiceIsSpokenByTheVietnameseEngineUnderItsEngineName() throws Exception {
        HttpResponse<byte[]> response = speak("{\"model\":\"tts-1\",\"input\":\"Xin chào các bạn\",\"voice\":\"vi-female\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Engine")).hasValue("tts-vi");
        TTS_VI.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(
                "{\"model\":\"tts-1\",\"input\":\"Xin chào các bạn\",\"voice\":\"vi+f3\",\"response_format\":\"mp3\","
                        + "\"speed\":1.0,\"stream\":false}")));
        TTS_1.verify(0, postRequestedFor(urlEqualTo(PATH)));
        TTS_2.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void engine1FailingFailsOverToEngine2() throws Exception {
        TTS_1.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503).withBody("loading model")));

        HttpResponse<byte[]> response = speak("{\"input\":\"Hello\",\"voice\":\"nova\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(AUDIO);
        assertThat(response.headers().firstValue("X-Engine")).hasValue("tts-2");
        assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("tts-1:5xx,tts-2:ok");
    }

    @Test
    void anEngineRejectingTheRequestIsA400WithoutFailover() throws Exception {
        TTS_1.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"response_format 'opus' is not available\"}}")));

        HttpResponse<byte[]> response = speak("{\"input\":\"Hello\",\"voice\":\"nova\",\"response_format\":\"opus\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body())).contains("engine-rejected-request");
        TTS_2.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void theSameSpeechIsServedFromTheCacheByteForByteWithTheTtsTtl() throws Exception {
        String body = "{\"input\":\"See you tomorrow\",\"voice\":\"echo\",\"response_format\":\"wav\"}";
        speak(body);
        HttpResponse<byte[]> hit = speak(body);

        assertThat(hit.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(hit.headers().firstValue("X-Engine")).hasValue("tts-1");
        assertThat(hit.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(hit.body()).isEqualTo(AUDIO);
        TTS_1.verify(1, postRequestedFor(urlEqualTo(PATH)));
        List<String> keys = new ArrayList<>();
        ADMIN.getKeys().getKeysByPattern("hub:cache:tts:*").forEach(keys::add);
        assertThat(keys).hasSize(1);
        assertThat(ADMIN.getKeys().remainTimeToLive(keys.get(0)))
                .isBetween(Duration.ofHours(3).minusMinutes(1).toMillis(), Duration.ofHours(3).toMillis());
    }

    @Test
    void audioOverTheMaximumEntrySizeIsSentButNotCached() throws Exception {
        byte[] large = audio(4096);
        TTS_1.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/wav").withBody(large)));
        String body = "{\"input\":\"A long story\",\"voice\":\"fable\",\"response_format\":\"wav\"}";

        HttpResponse<byte[]> first = speak(body);
        HttpResponse<byte[]> second = speak(body);

        assertThat(first.body()).isEqualTo(large);
        assertThat(second.body()).isEqualTo(large);
        assertThat(second.headers().firstValue("X-Cache")).hasValue("MISS");
        TTS_1.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"voice\":\"alloy\"}                                             | invalid-input",
        "{\"input\":\"  \",\"voice\":\"alloy\"}                            | invalid-input",
        "{\"input\":\"hi\"}                                                | unknown-voice",
        "{\"input\":\"hi\",\"voice\":\"darth\"}                            | unknown-voice",
        "{\"input\":\"hi\",\"voice\":\"alloy\",\"response_format\":\"ogg\"} | invalid-response-format",
        "{\"input\":\"hi\",\"voice\":\"alloy\",\"speed\":0.1}              | invalid-speed",
        "{\"input\":\"hi\",\"voice\":\"alloy\",\"speed\":4.5}              | invalid-speed",
        "{\"input\":\"hi\",\"voice\":\"alloy\",\"speed\":\"fast\"}         | invalid-speed",
        "{\"input\":\"hi\",\"voice\":\"alloy\",\"model\":\"\"}             | invalid-model",
        "{\"input\":[\"hi\"],\"voice\":\"alloy\"}                          | invalid-input",
        "not json                                                          | malformed-json"})
    void badInputIs400NamingTheProblem(String body, String type) throws Exception {
        HttpResponse<byte[]> response = speak(body);

        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("type").asText()).endsWith(":" + type);
        TTS_1.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void inputOverTheLimitAndUnknownVoicesSayWhatIsAllowed() throws Exception {
        HttpResponse<byte[]> tooLong = speak("{\"input\":\"" + "ậ".repeat(4097) + "\",\"voice\":\"alloy\"}");
        HttpResponse<byte[]> atLimit = speak("{\"input\":\"" + "ậ".repeat(4096) + "\",\"voice\":\"alloy\"}");
        HttpResponse<byte[]> unknown = speak("{\"input\":\"hi\",\"voice\":\"darth\"}");

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(new String(tooLong.body())).contains("4097 characters").contains("4096");
        assertThat(atLimit.statusCode()).isEqualTo(200);
        assertThat(new String(unknown.body())).contains("alloy").contains("vi-female");
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpointItsHeadersAndBody() throws Exception {
        var api = json.readTree(get("/openapi.json").body());
        var speech = api.at("/paths/~1v1~1audio~1speech/post");

        assertThat(speech.at("/responses/200/headers").fieldNames()).toIterable()
                .contains("X-Engine", "X-Cache", "X-Request-Id", "Idempotent-Replayed");
        assertThat(speech.get("parameters").findValuesAsText("name")).contains("Idempotency-Key", "Cache-Control");
        assertThat(api.at("/components/schemas/SpeechRequest/properties").fieldNames()).toIterable()
                .contains("input", "voice", "response_format", "speed", "model");
        for (String path : List.of("/v1/translate", "/v1/phonemes", "/v1/visemes")) {
            assertThat(api.at("/paths/" + path.replace("/", "~1") + "/post/responses/200/headers").fieldNames())
                    .toIterable().as(path).contains("X-Engine", "X-Cache", "X-Request-Id");
        }
    }

    private HttpResponse<byte[]> speak(String body) throws Exception {
        return HTTP.send(request(PATH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] audio(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy("RIFF".getBytes(), 0, bytes, 0, 4);
        System.arraycopy("WAVE".getBytes(), 0, bytes, 8, 4);
        for (int i = 12; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }
}
