package com.wise.hub.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.RateLimitException;
import com.openai.models.audio.AudioModel;
import com.openai.models.audio.speech.SpeechCreateParams;
import com.openai.models.audio.speech.SpeechModel;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import com.wise.hub.support.AudioSamples;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisServer;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The official OpenAI Java SDK against the running hub, with its base URL at the hub's {@code /v1}:
 * speech and transcriptions work unchanged, and the hub's problems reach the SDK as its typed
 * exceptions with the hub's detail, code and field. Engines are WireMock, Redis is real.
 */
class OpenAiSdkTest extends HubHttpTest {

    static final RedisServer REDIS = new RedisServer().start();
    static final WireMockServer TTS = new WireMockServer(options().dynamicPort());
    static final WireMockServer STT = new WireMockServer(options().dynamicPort());
    static final RedissonClient ADMIN;
    static final byte[] AUDIO = AudioSamples.wav(600);
    static final int TTS_PER_MINUTE = 3;

    static {
        List.of(TTS, STT).forEach(WireMockServer::start);
        Config config = new Config();
        config.useSingleServer().setAddress(REDIS.url());
        ADMIN = Redisson.create(config);
    }

    private final ObjectMapper json = new ObjectMapper();
    private OpenAIClient openAi;

    @DynamicPropertySource
    static void enginesAndRedis(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", REDIS::url);
        registry.add("TTS_ENGINE_1_URL", TTS::baseUrl);
        registry.add("TTS_ENGINE_2_URL", TTS::baseUrl);
        registry.add("TTS_ENGINE_VI_URL", TTS::baseUrl);
        registry.add("STT_ENGINE_1_URL", STT::baseUrl);
        registry.add("STT_ENGINE_2_URL", STT::baseUrl);
        registry.add("hub.capabilities.tts.limits.per-minute", () -> TTS_PER_MINUTE);
    }

    @AfterAll
    static void stop() {
        ADMIN.shutdown();
        List.of(TTS, STT).forEach(WireMockServer::stop);
        REDIS.stop();
    }

    @BeforeEach
    void enginesAnswerAndTheSdkPointsAtTheHub() {
        ADMIN.getKeys().flushall();
        TTS.resetAll();
        TTS.stubFor(post(urlEqualTo("/v1/audio/speech")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/wav").withBody(AUDIO)));
        STT.resetAll();
        STT.stubFor(post(urlEqualTo("/v1/audio/transcriptions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"text\":\"hello from the engine\"}")));
        openAi = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + port + "/v1").apiKey("sk-test")
                .maxRetries(0).build();
    }

    @AfterEach
    void closeSdk() {
        openAi.close();
    }

    @Test
    void speechCreateReturnsTheEnginesAudio() throws Exception {
        try (HttpResponse response = openAi.audio().speech().create(speech("alloy"));
                InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().values("Content-Type")).containsExactly("audio/wav");
            assertThat(body.readAllBytes()).isEqualTo(AUDIO);
        }
    }

    @Test
    void transcriptionCreateReturnsTheEnginesText(@TempDir Path dir) throws Exception {
        Path recording = Files.write(dir.resolve("hello.wav"), AudioSamples.wav(2_000));

        String text = openAi.audio().transcriptions().create(TranscriptionCreateParams.builder().file(recording)
                .model(AudioModel.WHISPER_1).build()).asTranscription().text();

        assertThat(text).isEqualTo("hello from the engine");
    }

    @Test
    void anUnknownVoiceIsABadRequestExceptionWithTheHubsDetail() {
        BadRequestException e = catchThrowableOfType(BadRequestException.class,
                () -> openAi.audio().speech().create(speech("darth")).close());

        assertThat(e.getMessage()).contains("Voice 'darth' is not offered");
        assertThat(e.code()).hasValue("unknown-voice");
        assertThat(e.param()).hasValue("voice");
        assertThat(e.type()).hasValue("invalid_request_error");
    }

    @Test
    void emptyInputIsABadRequestExceptionNamingTheField() {
        BadRequestException e = catchThrowableOfType(BadRequestException.class,
                () -> openAi.audio().speech().create(SpeechCreateParams.builder().model(SpeechModel.TTS_1).input("")
                        .voice("alloy").build()).close());

        assertThat(e.getMessage()).contains("'input' is required");
        assertThat(e.code()).hasValue("invalid-input");
        assertThat(e.param()).hasValue("input");
    }

    @Test
    void aSpentRateLimitIsARateLimitException() {
        for (int i = 0; i < TTS_PER_MINUTE; i++) {
            openAi.audio().speech().create(speech("alloy")).close();
        }

        RateLimitException e = catchThrowableOfType(RateLimitException.class,
                () -> openAi.audio().speech().create(speech("alloy")).close());

        assertThat(e.getMessage()).contains("More than " + TTS_PER_MINUTE + " tts requests in one minute");
        assertThat(e.code()).hasValue("rate-limited");
        assertThat(e.type()).hasValue("rate_limit_error");
        assertThat(e.headers().values("Retry-After")).isNotEmpty();
    }

    /** The OpenAI Node SDK's {@code audio.speech.create} sends {@code Accept: application/octet-stream}. */
    @ParameterizedTest
    @ValueSource(strings = {"application/octet-stream", "*/*", "audio/*", "audio/wav"})
    void speechAnswersTheAudioToTheAcceptTheSdksSend(String accept) throws Exception {
        java.net.http.HttpResponse<byte[]> response = HTTP.send(request("/v1/audio/speech")
                .header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"tts-1\",\"input\":\"Hello\",\"voice\":\"alloy\","
                        + "\"response_format\":\"wav\"}")).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(response.body()).isEqualTo(AUDIO);
    }

    @Test
    void aProblemBodyKeepsItsRfc9457MembersAndCarriesTheOpenAiErrorMember() throws Exception {
        java.net.http.HttpResponse<String> response = postJson("/v1/audio/speech",
                "{\"model\":\"tts-1\",\"input\":\"Hello\",\"voice\":\"darth\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:wise-ai-hub:problem:unknown-voice");
        assertThat(problem.get("title").asText()).isEqualTo("Bad request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        String detail = problem.get("detail").asText();
        assertThat(detail).startsWith("Voice 'darth' is not offered");
        assertThat(problem.get("error")).isEqualTo(json.createObjectNode().put("message", detail)
                .put("type", "invalid_request_error").put("code", "unknown-voice").put("param", "voice"));
    }

    private static SpeechCreateParams speech(String voice) {
        return SpeechCreateParams.builder().model(SpeechModel.TTS_1).input("Hello there").voice(voice)
                .responseFormat(SpeechCreateParams.ResponseFormat.WAV).build();
    }
}
