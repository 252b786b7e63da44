package com.wise.hub.exactness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The single-flight lease outlives the capability's deadline: a TTS engine that takes 40 s (longer
 * than the old 30 s lease) and 50 identical requests over two replicas make exactly one engine call,
 * and every caller gets the audio.
 */
class LongEngineSingleFlightTest {

    static final byte[] WAV = wav();
    static TwoReplicas replicas;

    @BeforeAll
    static void start() {
        replicas = new TwoReplicas(100, "TTS_ENGINE_1_URL", engine -> engine.stubFor(post(urlEqualTo("/v1/audio/speech")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(40_000).withHeader("Content-Type", "audio/wav").withBody(WAV))), Map.of("hub.redis.timeout", "1s", "hub.engines.defaults.response-timeout", "55s", "hub.capabilities.tts.limits.per-minute", "10000"));
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void fiftyWaitersOnAFortySecondEngineMakeOneEngineCall() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newCachedThreadPool()).build();
        String body = "{\"model\":\"tts-1\",\"input\":\"A very slow sentence.\",\"voice\":\"alloy\",\"response_format\":\"wav\"}";
        List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int port = replicas.alternate(i).port();
            calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/audio/speech"))
                    .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray()));
        }
        List<String> caches = new ArrayList<>();
        for (CompletableFuture<HttpResponse<byte[]>> call : calls) {
            HttpResponse<byte[]> response = call.get(150, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
            assertThat(Arrays.equals(response.body(), WAV)).isTrue();
            caches.add(response.headers().firstValue("X-Cache").orElseThrow());
        }
        assertThat(caches).containsOnlyOnce("MISS").containsOnly("MISS", "HIT");
        replicas.engine.verify(1, postRequestedFor(urlEqualTo("/v1/audio/speech")));
    }

    private static byte[] wav() {
        byte[] bytes = new byte[512];
        System.arraycopy("RIFF".getBytes(), 0, bytes, 0, 4);
        System.arraycopy("WAVE".getBytes(), 0, bytes, 8, 4);
        return bytes;
    }
}
