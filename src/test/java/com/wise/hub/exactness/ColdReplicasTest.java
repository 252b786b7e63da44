package com.wise.hub.exactness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wise.hub.metrics.HubMetricNames;
import com.wise.hub.support.HubInstance;
import io.micrometer.core.instrument.MeterRegistry;
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
 * Redis under load is not Redis down: two freshly started replicas with the production Redis
 * timeout (100 ms), hit the moment each reports ready with 30 concurrent identical translation
 * misses, make exactly one engine call between them and fail open on nothing. Before the warm-up
 * and the retry, the cold replicas' Redis calls timed out and two engine calls were made.
 */
class ColdReplicasTest {

    static TwoReplicas replicas;

    @BeforeAll
    static void start() {
        replicas = new TwoReplicas(100, "TRANSLATION_ENGINE_URL", engine -> {
            engine.stubFor(post(urlEqualTo("/translate")).willReturn(aResponse().withStatus(200).withFixedDelay(1000)
                    .withHeader("Content-Type", "application/json").withBody("{\"translatedText\":\"một lần\"}")));
            engine.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/health"))
                    .willReturn(aResponse().withStatus(200)));
        }, Map.of("hub.capabilities.translation.limits.per-minute", "10000"));
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void thirtyIdenticalMissesOnTwoFreshReplicasMakeOneEngineCallAndNoFailOpen() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newCachedThreadPool()).build();
        for (HubInstance hub : replicas.both()) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        }

        String body = "{\"text\":\"cold start\",\"source\":\"en\",\"target\":\"vi\"}";
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int port = replicas.alternate(i).port();
            calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/translate"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get(90, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }

        replicas.engine.verify(1, postRequestedFor(urlEqualTo("/translate")));
        for (HubInstance hub : replicas.both()) {
            MeterRegistry meters = hub.bean(MeterRegistry.class);
            assertThat(meters.find(HubMetricNames.REDIS_ERRORS).counters()).as("fail-opens").isEmpty();
        }
    }
}
