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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bench scenario 6 as a CI test (exact count, no timing): 200 concurrent identical translation
 * misses spread over two replicas sharing one Redis make exactly one engine call, and every caller
 * gets the answer. The Redis timeout is generous here: a command that times out fails open by
 * design (the request then calls the engine itself), and this test is about the single flight.
 */
class SingleFlightUnderLoadTest {

    static TwoReplicas replicas;

    @BeforeAll
    static void start() {
        replicas = new TwoReplicas(300, "TRANSLATION_ENGINE_URL", engine -> {
            engine.stubFor(post(urlEqualTo("/translate")).willReturn(aResponse().withStatus(200).withFixedDelay(1000)
                    .withHeader("Content-Type", "application/json").withBody("{\"translatedText\":\"một lần thôi\"}")));
            engine.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/health"))
                    .willReturn(aResponse().withStatus(200)));
        }, Map.of("hub.redis.timeout", "3s", "hub.capabilities.translation.limits.per-minute", "10000"));
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void twoHundredConcurrentIdenticalMissesOverTwoReplicasMakeOneEngineCall() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newCachedThreadPool()).build();
        String body = "{\"text\":\"exactly once\",\"source\":\"en\",\"target\":\"vi\"}";
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int port = replicas.alternate(i).port();
            calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/translate"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<String> caches = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get(90, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("một lần thôi");
            caches.add(response.headers().firstValue("X-Cache").orElseThrow());
        }
        assertThat(caches).containsOnlyOnce("MISS").containsOnly("MISS", "HIT");
        replicas.engine.verify(1, postRequestedFor(urlEqualTo("/translate")));
    }
}
