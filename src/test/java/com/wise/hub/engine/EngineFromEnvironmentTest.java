package com.wise.hub.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.wise.hub.support.MultipartBody;
import com.wise.hub.support.RedisServer;
import com.wise.hub.support.TestWavs;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A third STT engine added by environment variables alone, to a hub process started as a
 * deployment starts it: the id with a dash through a variable named like the property (allowed by
 * Kubernetes and Docker), the language rule through a shell-style variable. docs/routes.md shows
 * these variables; this test runs them.
 */
class EngineFromEnvironmentTest {

    static final WireMockServer STT_3 = new WireMockServer(options().dynamicPort());
    static final WireMockServer STT_2 = new WireMockServer(options().dynamicPort());
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static Process hub;
    static int port;
    static Path log;

    @BeforeAll
    static void start() throws Exception {
        for (WireMockServer engine : new WireMockServer[] {STT_3, STT_2}) {
            engine.start();
            engine.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(200)));
            engine.stubFor(post(urlEqualTo("/v1/audio/transcriptions")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"text\":\"sawasdee\"}")));
        }
        port = RedisServer.freePort();
        log = Files.createTempFile("hub-env", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.wise.hub.HubApplication")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("AUTH_MODE", "off");
        env.put("STT_ENGINE_2_URL", STT_2.baseUrl());
        // The documented forms: the property name itself (dashes allowed), and HUB_* for the rest.
        env.put("hub.engines.stt-3.url", STT_3.baseUrl());
        env.put("hub.engines.stt-3.response-timeout", "45s");
        env.put("HUB_CAPABILITIES_STT_ENGINESBYLANGUAGE_TH", "stt-3,stt-2");
        hub = builder.start();
        Awaitility.await("the hub answers /health/ready").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> HTTP.send(HttpRequest.newBuilder(uri("/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("stt-3"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.destroy();
            hub.waitFor();
        }
        STT_3.stop();
        STT_2.stop();
        Files.deleteIfExists(log);
    }

    @Test
    void thaiRecordingsGoToTheNewEngineFirst() throws Exception {
        HttpResponse<String> response = transcribe("th");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Engine")).hasValue("stt-3");
        STT_3.verify(1, postRequestedFor(urlEqualTo("/v1/audio/transcriptions")));
    }

    @Test
    void otherLanguagesKeepTheirOrderAndTheNewEngineIsInReadiness() throws Exception {
        HttpResponse<String> response = transcribe("en");
        assertThat(response.headers().firstValue("X-Engine-Attempts").orElseThrow()).doesNotContain("stt-3");
        String ready = HTTP.send(HttpRequest.newBuilder(uri("/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(ready).contains("\"stt-3\":{\"status\":\"UP\"");
    }

    private static HttpResponse<String> transcribe(String language) throws Exception {
        MultipartBody body = new MultipartBody().file("file", "a.wav", "audio/wav",
                TestWavs.pcm16(16000, new float[16000])).field("language", language);
        return HTTP.send(HttpRequest.newBuilder(uri("/v1/audio/transcriptions")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", body.contentType()).POST(body.publisher()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
