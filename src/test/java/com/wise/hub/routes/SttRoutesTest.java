package com.wise.hub.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.wise.hub.support.AudioSamples;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.MultipartBody;
import com.wise.hub.support.RedisServer;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /v1/audio/transcriptions} (routes/stt.yaml) over HTTP with the real routes, the two STT
 * engines faked by WireMock at their configured URLs: formats, failover on 5xx, refused connections
 * and timeouts, no failover on 4xx, language routing, identical bytes on failover, and bad input.
 */
class SttRoutesTest extends HubHttpTest {

    static final String PATH = "/v1/audio/transcriptions";
    static final WireMockServer ENGINE_1 = start(RedisServer.freePort());
    static final WireMockServer ENGINE_2 = start(RedisServer.freePort());

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    ServletContext servletContext;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("STT_ENGINE_1_URL", ENGINE_1::baseUrl);
        registry.add("STT_ENGINE_2_URL", ENGINE_2::baseUrl);
        registry.add("hub.engines.stt-1.response-timeout", () -> "1s");
        registry.add("hub.engines.stt-2.response-timeout", () -> "2s");
        registry.add("hub.capabilities.stt.max-file-size", () -> "8MB");
    }

    /** On a fixed port, so a test can stop the engine (connections refused) and start it again. */
    static WireMockServer start(int port) {
        WireMockServer server = new WireMockServer(options().port(port));
        server.start();
        return server;
    }

    @AfterAll
    static void stopEngines() {
        ENGINE_1.stop();
        ENGINE_2.stop();
    }

    @BeforeEach
    void enginesAnswerJson() {
        for (WireMockServer engine : List.of(ENGINE_1, ENGINE_2)) {
            engine.resetAll();
            engine.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"text\":\"hello\"}")));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "json, application/json, {\"text\":\"hello\"}",
        "verbose_json, application/json, '{\"task\":\"transcribe\",\"language\":\"english\",\"text\":\"hello\"}'",
        "text, text/plain; charset=utf-8, hello",
        "srt, text/plain; charset=utf-8, '1\n00:00:00,000 --> 00:00:01,000\nhello\n'",
        "vtt, text/vtt; charset=utf-8, 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nhello\n'"})
    void eachResponseFormatIsTheEnginesAnswerWithItsContentType(String format, String contentType, String body)
            throws Exception {
        ENGINE_1.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(body)));
        HttpResponse<String> response = transcribe(wav().field("model", "whisper-1").field("response_format", format));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualTo(contentType.replace(" ", ""));
        assertThat(response.headers().firstValue("X-Engine")).hasValue("stt-1");
        assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("stt-1:ok");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        LoggedRequest sent = onlyTranscription(ENGINE_1);
        assertThat(part(sent, "response_format")).isEqualTo(format);
        assertThat(part(sent, "model")).isEqualTo("whisper-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wav", "mp3-id3", "mp3-frame", "m4a", "ogg", "webm", "flac"})
    void everySupportedFormatIsAccepted(String format) throws Exception {
        Function<Integer, byte[]> sample = switch (format) {
            case "wav" -> AudioSamples::wav;
            case "mp3-id3" -> AudioSamples::mp3Id3;
            case "mp3-frame" -> AudioSamples::mp3Frame;
            case "m4a" -> AudioSamples::m4a;
            case "ogg" -> AudioSamples::ogg;
            case "webm" -> AudioSamples::webm;
            default -> AudioSamples::flac;
        };
        HttpResponse<String> response = transcribe(new MultipartBody()
                .file("file", "speech." + format, "application/octet-stream", sample.apply(4096)));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void fieldsReachTheEngineAsTheOpenAiFormWithTheLanguageLowerCased() throws Exception {
        transcribe(wav().field("model", "whisper-1").field("language", "EN").field("prompt", "Xin chào")
                .field("temperature", "0.2").field("timestamp_granularities[]", "word")
                .field("timestamp_granularities[]", "segment"));
        LoggedRequest sent = onlyTranscription(ENGINE_1);
        assertThat(sent.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(part(sent, "language")).isEqualTo("en");
        assertThat(part(sent, "prompt")).isEqualTo("Xin chào");
        assertThat(part(sent, "temperature")).isEqualTo("0.2");
        assertThat(sent.getParts().stream().filter(p -> p.getName().equals("timestamp_granularities[]"))
                .map(p -> p.getBody().asString())).containsExactly("word", "segment");
        assertThat(sent.getPart("file").getHeader("Content-Disposition").firstValue()).contains("filename=\"talk.wav\"");
    }

    @Test
    void clientHeadersDoNotReachTheEngine() throws Exception {
        MultipartBody body = wav().field("model", "whisper-1");
        HttpResponse<String> response = HTTP.send(request(PATH).header("Content-Type", body.contentType())
                .header("Authorization", "Bearer sk-secret").header("Cookie", "session=abc").header("X-Custom", "1")
                .header("X-Request-Id", "mobile-7").POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        LoggedRequest sent = onlyTranscription(ENGINE_1);
        assertThat(sent.getHeader("X-Request-Id")).isEqualTo("mobile-7");
        assertThat(sent.getAllHeaderKeys()).map(String::toLowerCase)
                .doesNotContain("authorization", "cookie", "x-custom", "model", "x-hub-response-timeout");
    }

    @Test
    void engineServerErrorFailsOverToTheNextEngine() throws Exception {
        ENGINE_1.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody("CUDA out of memory")));
        HttpResponse<String> response = transcribe(wav());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Engine")).hasValue("stt-2");
        assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("stt-1:5xx,stt-2:ok");
        assertThat(get("/metrics").body())
                .contains("hub_engine_failovers_total{application=\"wise-ai-hub\",capability=\"stt\",from=\"stt-1\","
                        + "to=\"stt-2\"}")
                .containsPattern("hub_engine_requests_total\\{[^}]*engine=\"stt-1\",outcome=\"5xx\"\\}")
                .containsPattern("hub_engine_request_duration_seconds_bucket\\{[^}]*engine=\"stt-2\"")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"stt-1\"");
    }

    @Test
    void refusedConnectionFailsOverToTheNextEngine() throws Exception {
        ENGINE_1.stop();
        try {
            HttpResponse<String> response = transcribe(wav());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("stt-1:unreachable,stt-2:ok");
        } finally {
            ENGINE_1.start();
        }
    }

    @Test
    void resetConnectionFailsOverToTheNextEngine() throws Exception {
        ENGINE_1.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        HttpResponse<String> response = transcribe(wav());
        assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("stt-1:unreachable,stt-2:ok");
    }

    @Test
    void engineSlowerThanItsTimeoutFailsOverWithinTheDeadline() throws Exception {
        ENGINE_1.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(3000)
                .withHeader("Content-Type", "application/json").withBody("{\"text\":\"late\"}")));
        HttpResponse<String> response = transcribe(wav());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"text\":\"hello\"}");
        assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("stt-1:timeout,stt-2:ok");
    }

    @ParameterizedTest
    @CsvSource({"400, 400", "422, 422", "413, 413", "415, 415"})
    void engineClientErrorIsTheClientsProblemAndTheNextEngineIsNotCalled(int engineStatus, int clientStatus)
            throws Exception {
        ENGINE_1.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(engineStatus)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"Invalid file: "
                        + "audio is too short, see http://stt-1.internal:8005/docs or ask "
                        + ENGINE_1.baseUrl().replace("http://", "") + "\"}}")));
        HttpResponse<String> response = transcribe(wav());
        JsonNode problem = assertProblem(response, clientStatus, "engine-rejected-request");
        assertThat(problem.get("detail").asText()).contains("audio is too short")
                .doesNotContain("stt-1.internal").doesNotContain("localhost").doesNotContain("http://")
                .doesNotContain(String.valueOf(ENGINE_1.port()));
        assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("stt-1:client-error");
        ENGINE_2.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void vietnameseGoesToTheSecondEngineFirst() throws Exception {
        HttpResponse<String> response = transcribe(wav().field("language", "vi"));
        assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("stt-2:ok");
        ENGINE_1.verify(0, postRequestedFor(urlEqualTo(PATH)));

        ENGINE_2.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        HttpResponse<String> failedOver = transcribe(wav().field("language", "vi"));
        assertThat(failedOver.headers().firstValue("X-Engine-Attempts")).hasValue("stt-2:5xx,stt-1:ok");
    }

    @Test
    void aLanguageInCapitalsChoosesTheSameEnginesAndReachesTheEngineLowerCased() throws Exception {
        HttpResponse<String> response = transcribe(wav().field("language", "VI"));
        assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("stt-2:ok");
        ENGINE_2.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBodyPart(
                new com.github.tomakehurst.wiremock.matching.MultipartValuePatternBuilder().withName("language")
                        .withBody(com.github.tomakehurst.wiremock.client.WireMock.equalTo("vi")).build()));
    }

    @Test
    void bothEnginesDownGives502ListingBoth() throws Exception {
        ENGINE_1.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(502)));
        ENGINE_2.stop();
        try {
            HttpResponse<String> response = transcribe(wav());
            JsonNode problem = assertProblem(response, 502, "engine-failed");
            assertThat(problem.get("detail").asText()).contains("stt-1 (5xx)").contains("stt-2 (unreachable)");
            assertThat(problem.get("attempts").toString())
                    .isEqualTo("[{\"engine\":\"stt-1\",\"outcome\":\"5xx\"},{\"engine\":\"stt-2\",\"outcome\":\"unreachable\"}]");
            assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("stt-1:5xx,stt-2:unreachable");
        } finally {
            ENGINE_2.start();
        }
    }

    @Test
    void bothEnginesTimingOutGives504() throws Exception {
        for (WireMockServer engine : List.of(ENGINE_1, ENGINE_2)) {
            engine.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        }
        HttpResponse<String> response = transcribe(wav());
        assertProblem(response, 504, "engine-timeout");
        assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("stt-1:timeout,stt-2:timeout");
    }

    @Test
    void failoverResendsExactlyTheBytesReceived() throws Exception {
        byte[] recording = AudioSamples.wav(5 * 1024 * 1024 + 17);
        ENGINE_1.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        HttpResponse<String> response = transcribe(new MultipartBody().file("file", "long.wav", "audio/wav", recording));
        assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("stt-1:5xx,stt-2:ok");
        String expected = sha256(recording);
        assertThat(sha256(onlyTranscription(ENGINE_1).getPart("file").getBody().asBytes())).isEqualTo(expected);
        assertThat(sha256(onlyTranscription(ENGINE_2).getPart("file").getBody().asBytes())).isEqualTo(expected);
    }

    @Test
    void theSpooledUploadIsDeletedAfterTheRequest() throws Exception {
        File spool = (File) servletContext.getAttribute(ServletContext.TEMPDIR);
        int before = Objects.requireNonNull(spool.list()).length;
        transcribe(wav());
        assertProblem(transcribe(new MultipartBody().file("file", "x.txt", "text/plain", "hi".getBytes())), 415,
                "unsupported-media-type");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(Objects.requireNonNull(spool.list())).hasSize(before));
    }

    @Test
    void missingFileIs400() throws Exception {
        assertRejectedBeforeAnyEngine(transcribe(new MultipartBody().field("model", "whisper-1")), 400, "missing-file");
    }

    @Test
    void fileInAnotherFieldIs400() throws Exception {
        assertRejectedBeforeAnyEngine(transcribe(new MultipartBody()
                .file("audio", "a.wav", "audio/wav", AudioSamples.wav(2048))), 400, "missing-file");
    }

    @Test
    void emptyFileIs400() throws Exception {
        assertRejectedBeforeAnyEngine(transcribe(new MultipartBody().file("file", "a.wav", "audio/wav", new byte[0])),
                400, "empty-file");
    }

    @Test
    void fileThatIsNotAudioIs415() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertRejectedBeforeAnyEngine(transcribe(new MultipartBody().file("file", "a.wav", "audio/wav", png)),
                415, "unsupported-media-type");
        assertRejectedBeforeAnyEngine(transcribe(new MultipartBody().file("file", "a.mp3", "audio/mpeg",
                "just some text, not sound".getBytes())), 415, "unsupported-media-type");
    }

    @Test
    void fileDeclaredAsSomethingElseThanAudioIs415() throws Exception {
        assertRejectedBeforeAnyEngine(transcribe(new MultipartBody().file("file", "a.wav", "text/plain",
                AudioSamples.wav(2048))), 415, "unsupported-media-type");
    }

    @Test
    void recordingOverTheSizeLimitIs413() throws Exception {
        assertRejectedBeforeAnyEngine(transcribe(new MultipartBody().file("file", "a.wav", "audio/wav",
                AudioSamples.wav(9 * 1024 * 1024))), 413, "payload-too-large");
    }

    @Test
    void bodyThatIsNotMultipartIs415() throws Exception {
        assertRejectedBeforeAnyEngine(postJson(PATH, "{\"file\":\"aGVsbG8=\"}"), 415, "unsupported-media-type");
    }

    @ParameterizedTest
    @CsvSource({
        "language, english, invalid-language",
        "language, xx, invalid-language",
        "response_format, pdf, invalid-response-format",
        "temperature, 1.5, invalid-temperature",
        "temperature, -0.1, invalid-temperature",
        "temperature, hot, invalid-temperature",
        "timestamp_granularities[], char, invalid-timestamp-granularities",
        "model, 'whisper 1; rm', invalid-model"})
    void invalidFieldIs400NamingIt(String field, String value, String slug) throws Exception {
        JsonNode problem = assertRejectedBeforeAnyEngine(transcribe(wav().field(field, value)), 400, slug);
        assertThat(problem.get("detail").asText()).contains(field);
    }

    private static MultipartBody wav() {
        return new MultipartBody().file("file", "talk.wav", "audio/wav", AudioSamples.wav(4096));
    }

    private HttpResponse<String> transcribe(MultipartBody body) throws Exception {
        return HTTP.send(request(PATH).header("Content-Type", body.contentType()).POST(body.publisher()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static LoggedRequest onlyTranscription(WireMockServer engine) {
        List<LoggedRequest> sent = engine.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    private static String part(LoggedRequest request, String name) {
        return request.getPart(name).getBody().asString();
    }

    private JsonNode assertRejectedBeforeAnyEngine(HttpResponse<String> response, int status, String slug)
            throws Exception {
        JsonNode problem = assertProblem(response, status, slug);
        ENGINE_1.verify(0, postRequestedFor(urlEqualTo(PATH)));
        ENGINE_2.verify(0, postRequestedFor(urlEqualTo(PATH)));
        return problem;
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status, String slug) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:wise-ai-hub:problem:" + slug);
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
