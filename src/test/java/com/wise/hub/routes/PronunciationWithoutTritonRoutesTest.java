package com.wise.hub.routes;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.TestWavs;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** routes/pronunciation.yaml on a hub deployed without INFERENCE_GPU_URL: it starts, and says so. */
@TestPropertySource(properties = {"INFERENCE_GPU_URL=", "CACHE_URL="})
class PronunciationWithoutTritonRoutesTest extends HubHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireMockServer PHONEMIZER = new WireMockServer(wireMockConfig().dynamicPort());

    @DynamicPropertySource
    static void phonemizer(DynamicPropertyRegistry registry) {
        PHONEMIZER.start();
        registry.add("PHONEMIZER_URL", PHONEMIZER::baseUrl);
    }

    @AfterAll
    static void stopPhonemizer() {
        PHONEMIZER.stop();
    }

    @Test
    void assessmentAnswers503EngineNotConfiguredWithoutCallingAnything() throws Exception {
        String boundary = "b0undary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhello\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(TestWavs.pcm16(16000, new float[16000]));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = HTTP.send(request("/v1/pronunciation/assess")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:wise-ai-hub:problem:engine-not-configured");
        assertThat(problem.get("detail").asText()).contains("INFERENCE_GPU_URL");
        // the engine readiness probe may GET /health; nobody asked for phonemes
        assertThat(PHONEMIZER.getAllServeEvents())
                .noneMatch(event -> event.getRequest().getUrl().startsWith("/phonemize"));
    }

    @Test
    void readinessSaysTritonIsNotConfigured() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                JSON.readTree(get("/health/ready").body()).at("/dependencies/triton/status").asText())
                .isEqualTo("NOT_CONFIGURED"));
    }
}
