package com.wise.hub.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.wise.hub.support.FakeTriton;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.TestWavs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * routes/pronunciation.yaml, with the Triton targets as engines on the shared failover (their routes
 * engine-call-triton-1 and -2 from the template grpc-engine-call), over HTTP against two in-process
 * Triton servers (gRPC, our proto) and a WireMock phonemizer behind the phoneme route.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = {
        "CACHE_URL=", "hub.triton.breaker.sliding-window-size=100", "hub.triton.breaker.minimum-number-of-calls=100",
        "hub.triton.deadline=5s"})
class PronunciationRoutesTest extends HubHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private ApplicationContext beans;
    @Autowired
    private CircuitBreakerRegistry breakers;
    /** 400 classes: 60 s of audio then gives 2999 x 400 x 4 bytes = 4.8 MB of logits, over gRPC's 4 MiB. */
    private static final int CLASSES = 400;
    private static final Map<String, Integer> IDS = vocabulary();
    private static final FakeTriton TRITON_1 = new FakeTriton(IDS, CLASSES).start();
    private static final FakeTriton TRITON_2 = new FakeTriton(IDS, CLASSES).start();
    private static final WireMockServer PHONEMIZER = new WireMockServer(wireMockConfig().dynamicPort());
    private static final List<String> HELLO_WORLD = List.of("h", "ə", "l", "oʊ", "w", "ɜː", "l", "d");

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) throws IOException {
        PHONEMIZER.start();
        Path vocab = Files.createTempFile("vocab-", ".json");
        Files.writeString(vocab, JSON.writeValueAsString(IDS));
        registry.add("hub.triton.vocab", () -> vocab.toUri().toString());
        registry.add("INFERENCE_GPU_URL", () -> TRITON_1.address() + "," + TRITON_2.address());
        registry.add("PHONEMIZER_URL", PHONEMIZER::baseUrl);
        registry.add("hub.engines.phonemizer.url", PHONEMIZER::baseUrl);
    }

    @AfterAll
    static void stopEngines() {
        TRITON_1.close();
        TRITON_2.close();
        PHONEMIZER.stop();
    }

    @BeforeEach
    void healthyEngines() throws Exception {
        PHONEMIZER.resetAll();
        PHONEMIZER.stubFor(post(urlEqualTo("/phonemize")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"words\":[{\"word\":\"hello\",\"phonemes\":[\"h\",\"ə\",\"l\",\"ˈoʊ\"]},"
                        + "{\"word\":\"world\",\"phonemes\":[\"w\",\"ˈɜː\",\"l\",\"d\"]}]}")));
        boolean restarted = !TRITON_1.isRunning();
        TRITON_1.reset();
        TRITON_2.reset();
        if (restarted) {
            // gRPC waits out its reconnect back-off (about a second) before it tries a stopped server again
            TRITON_1.heard = HELLO_WORLD;
            await().atMost(Duration.ofSeconds(15)).until(() -> assess(wav(0.5), "hello world", "en")
                    .headers().firstValue("X-Engine").orElse("").equals("triton-1"));
            TRITON_1.reset();
            TRITON_2.reset();
        }
    }

    /** Runs first, so the concurrent requests are also the first ones: they open the gRPC channels. */
    @Test
    @Order(1)
    void concurrentRequestsEachGetTheirOwnAnswerFromOneCallEach() throws Exception {
        TRITON_1.heard = HELLO_WORLD;
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> assess(wav(1.0), "hello world", "en")));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(JSON.readTree(response.body()).get("overall").asInt()).isEqualTo(100);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(TRITON_1.inferCalls).hasValue(clients);
        assertThat(TRITON_2.inferCalls).hasValue(0);
    }

    @Test
    void theExpectedPhonemesScore100AndTheModelGetsNormalised16kHzAudio() throws Exception {
        TRITON_1.heard = HELLO_WORLD;

        HttpResponse<String> response = assess(TestWavs.pcm16(16000, TestWavs.tone(16000, 220, 2.0, 0.3)),
                "hello world", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Engine")).contains("triton-1");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("overall").asInt()).isEqualTo(100);
        assertThat(body.get("model").asText()).isEqualTo("wav2vec2_phoneme");
        assertThat(body.at("/words/0/word").asText()).isEqualTo("hello");
        assertThat(body.at("/words/0/score").asInt()).isEqualTo(100);
        assertThat(body.at("/words/1/score").asInt()).isEqualTo(100);
        JsonNode first = body.at("/words/0/phonemes/0");
        assertThat(first.get("expected").asText()).isEqualTo("h");
        assertThat(first.get("recognized").asText()).isEqualTo("h");
        assertThat(first.get("score").asInt()).isEqualTo(100);
        assertThat(first.get("end").asDouble()).isGreaterThan(first.get("start").asDouble());
        PHONEMIZER.verify(postRequestedFor(urlEqualTo("/phonemize"))
                .withRequestBody(equalToJson("{\"text\":\"hello world\",\"language\":\"en\"}")));
        assertThat(TRITON_1.lastRequest.getInputs(0).getShapeList()).containsExactly(1L, 32000L);
        assertThat(TRITON_1.lastRequest.getInputs(0).getDatatype()).isEqualTo("FP32");
        assertThat(TRITON_1.lastRequest.getOutputs(0).getName()).isEqualTo("logits");
        float[] samples = TRITON_1.lastSamples();
        double mean = 0;
        double square = 0;
        for (float s : samples) {
            mean += s;
            square += s * s;
        }
        assertThat(mean / samples.length).isCloseTo(0, within(1e-3));
        assertThat(square / samples.length).isCloseTo(1, within(1e-2));
        assertThat(TRITON_2.inferCalls).hasValue(0);
    }

    @Test
    void aSubstitutedAndADeletedPhonemeAreReportedInTheirWordsWithLowerScores() throws Exception {
        TRITON_1.heard = List.of("h", "ə", "oʊ", "w", "ɔː", "l", "d");

        JsonNode body = JSON.readTree(assess(wav(2.0), "hello world", "en").body());

        JsonNode deleted = body.at("/words/0/phonemes/2");
        assertThat(deleted.get("expected").asText()).isEqualTo("l");
        assertThat(deleted.get("recognized").isNull()).isTrue();
        assertThat(deleted.get("status").asText()).isEqualTo("deleted");
        assertThat(deleted.get("score").asInt()).isZero();
        JsonNode substituted = body.at("/words/1/phonemes/1");
        assertThat(substituted.get("expected").asText()).isEqualTo("ɜː");
        assertThat(substituted.get("recognized").asText()).isEqualTo("ɔː");
        assertThat(substituted.get("status").asText()).isEqualTo("substituted");
        assertThat(substituted.get("score").asInt()).isLessThan(10);
        assertThat(body.at("/words/0/score").asInt()).isEqualTo(75);
        assertThat(body.at("/words/1/score").asInt()).isEqualTo(75);
        assertThat(body.get("overall").asInt()).isEqualTo(75);
    }

    @Test
    void sixtySecondsOfAudioWorkAlthoughTheLogitsExceedFourMebibytes() throws Exception {
        TRITON_1.heard = HELLO_WORLD;

        HttpResponse<String> response = assess(wav(60.0), "hello world", "en");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(2999L * CLASSES * 4).isGreaterThan(4L * 1024 * 1024);
        assertThat(TRITON_1.lastRequest.getInputs(0).getShape(1)).isEqualTo(960_000L);
        assertThat(JSON.readTree(response.body()).get("overall").asInt()).isEqualTo(100);
    }

    @Test
    void stereoAt44100IsDownmixedAndResampledTo16kHz() throws Exception {
        TRITON_1.heard = HELLO_WORLD;
        float[] left = TestWavs.tone(44100, 440, 1.5, 0.4);
        float[] right = TestWavs.tone(44100, 440, 1.5, 0.2);

        HttpResponse<String> response = assess(TestWavs.pcm16(44100, left, right), "hello world", "en");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TRITON_1.lastRequest.getInputs(0).getShape(1)).isEqualTo(24000L);
    }

    @Test
    void aModelTheFirstTargetDoesNotKnowIsMisconfiguredThereAndTheSecondAnswers() throws Exception {
        TRITON_1.model = "another_model";
        TRITON_2.heard = HELLO_WORLD;

        HttpResponse<String> response = assess(wav(1.0), "hello world", "en");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("triton-1:misconfigured,triton-2:ok");
        assertThat(TRITON_1.inferCalls.get()).as("refused at the contract check or at ModelInfer").isLessThanOrEqualTo(1);
    }

    @Test
    void aModelNoTargetKnowsGives502EngineMisconfigured() throws Exception {
        TRITON_1.model = "another_model";
        TRITON_2.model = "another_model";

        HttpResponse<String> response = assess(wav(1.0), "hello world", "en");

        assertProblem(response, 502, "engine-misconfigured");
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("pronunciation (NVIDIA Triton)");
        assertThat(response.headers().firstValue("X-Engine-Attempts"))
                .hasValue("triton-1:misconfigured,triton-2:misconfigured");
    }

    @Test
    void whenTheFirstTargetIsDownTheSecondAnswers() throws Exception {
        TRITON_1.stop();
        TRITON_2.heard = HELLO_WORLD;

        HttpResponse<String> response = assess(wav(1.0), "hello world", "en");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Engine")).contains("triton-2");
        assertThat(response.headers().firstValue("X-Engine-Attempts")).contains("triton-1:unreachable,triton-2:ok");
        assertThat(JSON.readTree(response.body()).get("overall").asInt()).isEqualTo(100);
    }

    @Test
    void aTargetSlowerThanTheDeadlineIsCancelledAndTheNextAnswers() throws Exception {
        TRITON_1.hold = new CountDownLatch(1);
        TRITON_2.heard = HELLO_WORLD;

        HttpResponse<String> response = assess(wav(1.0), "hello world", "en");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Engine-Attempts")).contains("triton-1:timeout,triton-2:ok");
    }

    @Test
    void aTargetWhoseBreakerIsOpenIsSkippedWithoutACall() throws Exception {
        TRITON_1.heard = HELLO_WORLD;
        assertThat(assess(wav(1.0), "hello world", "en").statusCode()).isEqualTo(200);
        CircuitBreaker breaker = breakers.find("triton-1").orElseThrow();
        TRITON_1.reset();
        TRITON_2.heard = HELLO_WORLD;
        breaker.transitionToOpenState();
        try {
            HttpResponse<String> response = assess(wav(1.0), "hello world", "en");

            assertThat(response.headers().firstValue("X-Engine-Attempts")).contains("triton-1:circuit-open,triton-2:ok");
            assertThat(TRITON_1.inferCalls).hasValue(0);
            assertThat(get("/metrics").body())
                    .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"triton-1\"[^}]*state=\"open\"[^}]*\\} 1");
        } finally {
            breaker.transitionToClosedState();
        }
    }

    @Test
    void whenEveryBreakerIsOpenRetryAfterIsTheBreakersOpenWait() throws Exception {
        List<CircuitBreaker> open = List.of(breakers.find("triton-1").orElseThrow(),
                breakers.find("triton-2").orElseThrow());
        open.forEach(CircuitBreaker::transitionToOpenState);
        try {
            HttpResponse<String> response = assess(wav(1.0), "hello world", "en");

            assertProblem(response, 503, "engines-unavailable");
            assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("triton-1:circuit-open,triton-2:circuit-open");
            assertThat(response.headers().firstValue("Retry-After")).hasValue(Long.toString(
                    beans.getBean(com.wise.hub.triton.TritonProperties.class).breaker().waitInOpenState().toSeconds()));
        } finally {
            open.forEach(CircuitBreaker::transitionToClosedState);
        }
    }

    @Test
    void eachTargetHasItsRouteFromTheStartWithTheEngineAttemptPolicy() {
        ModelCamelContext model = (ModelCamelContext) camelContext;
        for (String routeId : List.of("engine-call-triton-1", "engine-call-triton-2")) {
            RouteDefinition route = model.getRouteDefinition(routeId);
            assertThat(route).as(routeId).isNotNull();
            assertThat(route.getRouteConfigurationId()).isEqualTo("engine-attempt");
            assertThat(camelContext.getRouteController().getRouteStatus(routeId).isStarted()).isTrue();
        }
    }

    @Test
    void whenEveryTargetIsDownTheAnswerIs502EngineFailed() throws Exception {
        TRITON_1.stop();
        TRITON_2.unavailable = true;

        HttpResponse<String> response = assess(wav(1.0), "hello world", "en");

        assertProblem(response, 502, "engine-failed");
        assertThat(response.headers().firstValue("Retry-After")).as("targets were tried just now").isEmpty();
        JsonNode attempts = JSON.readTree(response.body()).get("attempts");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).get("engine").asText()).isEqualTo("triton-1");
        assertThat(attempts.get(0).get("outcome").asText()).isEqualTo("unreachable");
        assertThat(attempts.get(1).get("engine").asText()).isEqualTo("triton-2");
        assertThat(attempts.get(1).get("outcome").asText()).isEqualTo("unreachable");
        assertThat(response.headers().firstValue("X-Engine-Attempts")).contains("triton-1:unreachable,triton-2:unreachable");
    }

    @Test
    void aModelWhoseOutputDiffersFromTheContractIsSkippedAsMisconfiguredAndTheTargetIsDownInReadiness()
            throws Exception {
        TRITON_1.outputName = "output_0";
        TRITON_2.heard = HELLO_WORLD;

        // the first call may still trust an earlier check and be refused; the refusal forgets the check
        HttpResponse<String> first = assess(wav(1.0), "hello world", "en");
        HttpResponse<String> second = assess(wav(1.0), "hello world", "en");

        for (HttpResponse<String> response : List.of(first, second)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("triton-1:misconfigured,triton-2:ok");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode ready = JSON.readTree(get("/health/ready").body());
            assertThat(ready.at("/dependencies/triton-1/status").asText()).isEqualTo("DOWN");
            assertThat(ready.at("/dependencies/triton-1/detail").asText())
                    .contains("triton-1").contains("output 'logits' is missing").contains("output_0");
        });

        TRITON_2.outputName = "output_0";
        assess(wav(1.0), "hello world", "en");
        HttpResponse<String> response = assess(wav(1.0), "hello world", "en");

        assertProblem(response, 502, "engine-misconfigured");
        assertThat(response.headers().firstValue("X-Engine-Attempts"))
                .hasValue("triton-1:misconfigured,triton-2:misconfigured");
    }

    @Test
    void readinessReportsEachTargetsServerAndModel() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode ready = JSON.readTree(get("/health/ready").body());
            assertThat(ready.at("/dependencies/triton-1/status").asText()).isEqualTo("UP");
            assertThat(ready.at("/dependencies/triton-2/status").asText()).isEqualTo("UP");
        });
        TRITON_2.model = "another_model";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode ready = JSON.readTree(get("/health/ready").body());
            assertThat(ready.at("/dependencies/triton-2/status").asText()).isEqualTo("DOWN");
            assertThat(ready.at("/dependencies/triton-2/detail").asText()).contains("not ready");
        });
        TRITON_2.stop();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                JSON.readTree(get("/health/ready").body()).at("/dependencies/triton-2/detail").asText())
                .contains("UNAVAILABLE"));
    }

    @Test
    void tritonCallsAndAudioSecondsAreMeasured() throws Exception {
        TRITON_1.heard = HELLO_WORLD;
        assertThat(assess(wav(2.0), "hello world", "en").statusCode()).isEqualTo(200);

        String metrics = get("/metrics").body();

        assertThat(metrics)
                .containsPattern("hub_engine_requests_total\\{[^}]*engine=\"triton-1\"[^}]*outcome=\"ok\"[^}]*\\} [1-9]")
                .containsPattern("hub_engine_request_duration_seconds_count\\{[^}]*engine=\"triton-1\"[^}]*\\} [1-9]");
        assertThat(metrics).containsPattern("hub_pronunciation_audio_seconds_total\\{[^}]*\\} [1-9]");
    }

    @Test
    void aFileThatIsNotWavGets415() throws Exception {
        HttpResponse<String> response = assess("ID3 not a wav".getBytes(StandardCharsets.US_ASCII), "hello", "en");
        assertProblem(response, 415, "unsupported-media-type");
        assertThat(TRITON_1.inferCalls).hasValue(0);
    }

    @Test
    void aRecordingLongerThan60SecondsGets413() throws Exception {
        HttpResponse<String> response = assess(TestWavs.pcm16(8000, new float[8000 * 61]), "hello", "en");
        assertProblem(response, 413, "payload-too-large");
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("61.0 s");
    }

    @Test
    void anEmptyTextGets400() throws Exception {
        assertProblem(assess(wav(1.0), "  ", "en"), 400, "missing-text");
    }

    @Test
    void aRequestWithoutAFilePartGets400() throws Exception {
        HttpResponse<String> response = send(multipart(Map.of("text", "hello"), null));
        assertProblem(response, 400, "missing-file");
    }

    @Test
    void aJsonRequestGets415() throws Exception {
        assertProblem(postJson("/v1/pronunciation/assess", "{\"text\":\"hello\"}"), 415, "unsupported-media-type");
    }

    @Test
    void theEndpointIsInTheOpenApiDocument() throws Exception {
        JsonNode doc = JSON.readTree(get("/openapi.json").body());
        JsonNode operation = doc.at("/paths/~1v1~1pronunciation~1assess/post");
        assertThat(operation.at("/requestBody/content").has("multipart/form-data")).isTrue();
        assertThat(doc.at("/components/schemas/PronunciationRequest/properties/file/format").asText())
                .isEqualTo("binary");
        assertThat(doc.at("/components/schemas/PronunciationRequest/required").toString())
                .contains("file", "text");
        assertThat(operation.at("/responses/200/content/application~1json/schema/$ref").asText())
                .endsWith("PronunciationAssessment");
        assertThat(doc.at("/components/schemas/PhonemeScore/properties").has("recognized")).isTrue();
    }

    private static byte[] wav(double seconds) {
        return TestWavs.pcm16(16000, TestWavs.tone(16000, 200, seconds, 0.3));
    }

    private HttpResponse<String> assess(byte[] wav, String text, String language) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("text", text);
        if (language != null) {
            fields.put("language", language);
        }
        return send(multipart(fields, wav));
    }

    private HttpResponse<String> send(Multipart body) throws Exception {
        return HTTP.send(request("/v1/pronunciation/assess").header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Multipart(String contentType, byte[] bytes) {
    }

    private static Multipart multipart(Map<String, String> fields, byte[] file) {
        String boundary = "hub-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                    + "Content-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String slug) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("type").asText()).isEqualTo("urn:wise-ai-hub:problem:" + slug);
    }

    /** The shipped IPA vocabulary padded with special tokens to {@link #CLASSES} classes. */
    private static Map<String, Integer> vocabulary() {
        try (InputStream in = PronunciationRoutesTest.class.getResourceAsStream("/triton/ipa-vocab.json")) {
            Map<String, Integer> ids = new LinkedHashMap<>(JSON.readValue(in, new TypeReference<Map<String, Integer>>() { }));
            for (int id = ids.size(); id < CLASSES; id++) {
                ids.put("<extra_" + id + ">", id);
            }
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
