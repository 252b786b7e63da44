package com.wise.hub.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.wise.hub.support.FakeTriton;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisServer;
import com.wise.hub.support.TestWavs;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * routes/pronunciation.yaml with a first Triton target nothing listens on and a healthy second one:
 * the first fails over as unreachable, its breaker (hub.triton.breaker: 2 failures in 2 calls) opens,
 * and it is then skipped without a call, all by the engines' shared failover.
 */
@TestPropertySource(properties = {"CACHE_URL=", "hub.triton.breaker.sliding-window-size=2",
        "hub.triton.breaker.minimum-number-of-calls=2", "hub.triton.breaker.wait-in-open-state=60s"})
class PronunciationBreakerRoutesTest extends HubHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Integer> IDS = vocabulary();
    private static final int CLOSED_PORT = RedisServer.freePort();
    private static final FakeTriton TRITON_2 = new FakeTriton(IDS, IDS.size()).start();
    private static final WireMockServer PHONEMIZER = new WireMockServer(wireMockConfig().dynamicPort());

    @Autowired
    private CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        PHONEMIZER.start();
        PHONEMIZER.stubFor(post(urlEqualTo("/phonemize")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"words\":[{\"word\":\"hello\",\"phonemes\":[\"h\",\"ə\",\"l\",\"oʊ\"]}]}")));
        registry.add("INFERENCE_GPU_URL", () -> "127.0.0.1:" + CLOSED_PORT + "," + TRITON_2.address());
        registry.add("PHONEMIZER_URL", PHONEMIZER::baseUrl);
    }

    @AfterAll
    static void stopEngines() {
        TRITON_2.close();
        PHONEMIZER.stop();
    }

    @Test
    void anUnreachableTargetFailsOverUntilItsBreakerOpensThenItIsSkippedWithoutACall() throws Exception {
        TRITON_2.heard = List.of("h", "ə", "l", "oʊ");

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = assess();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Engine")).hasValue("triton-2");
            assertThat(response.headers().firstValue("X-Engine-Attempts")).hasValue("triton-1:unreachable,triton-2:ok");
        }
        CircuitBreaker breaker = breakers.find("triton-1").orElseThrow();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        HttpResponse<String> skipped = assess();

        assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(200);
        assertThat(skipped.headers().firstValue("X-Engine-Attempts")).hasValue("triton-1:circuit-open,triton-2:ok");
        assertThat(JSON.readTree(skipped.body()).get("overall").asInt()).isEqualTo(100);
        assertThat(TRITON_2.inferCalls).hasValue(3);
        String metrics = get("/metrics").body();
        assertThat(metrics)
                .containsPattern("hub_engine_requests_total\\{[^}]*engine=\"triton-1\"[^}]*outcome=\"unreachable\"[^}]*\\} 2")
                .containsPattern("hub_engine_requests_total\\{[^}]*engine=\"triton-1\"[^}]*outcome=\"circuit-open\"[^}]*\\} 1")
                .containsPattern("hub_engine_failovers_total\\{[^}]*capability=\"pronunciation\"[^}]*from=\"triton-1\""
                        + "[^}]*to=\"triton-2\"[^}]*\\} 3");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode ready = JSON.readTree(get("/health/ready").body());
            assertThat(ready.at("/dependencies/triton-1/status").asText()).isEqualTo("DOWN");
            assertThat(ready.at("/dependencies/triton-1/detail").asText()).contains("UNAVAILABLE").contains("breaker OPEN");
        });
    }

    private HttpResponse<String> assess() throws Exception {
        String boundary = "b0undary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhello\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nen\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(TestWavs.pcm16(16000, TestWavs.tone(16000, 200, 1.0, 0.3)));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(request("/v1/pronunciation/assess")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The shipped IPA vocabulary, which the hub uses by default. */
    private static Map<String, Integer> vocabulary() {
        try (InputStream in = PronunciationBreakerRoutesTest.class.getResourceAsStream("/triton/ipa-vocab.json")) {
            return JSON.readValue(in, new TypeReference<Map<String, Integer>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
