package com.wise.hub.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.support.HubInstance;
import com.wise.hub.support.RedisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What leaks: {@code /health/ready} shows each dependency's status and a reason without hosts,
 * addresses or ports (full diagnostics only with {@code hub.health.show-details}); no secret from
 * {@code CACHE_URL}, {@code IDENTITY_URL} or an engine URL appears in a start-up error or a log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class DisclosureTest {

    static final String SECRET = "s3cret-Pa55";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readinessNamesNoHostAddressOrSecret(CapturedOutput output) throws Exception {
        int closed = RedisServer.freePort();
        try (HubInstance hub = HubInstance.start(hub(closed, false), Clock.systemUTC())) {
            JsonNode ready = awaitProbed(hub);
            String body = ready.toString();
            assertThat(ready.at("/dependencies/redis/status").asText()).isEqualTo("DOWN");
            assertThat(ready.at("/dependencies/triton-1/status").asText()).isEqualTo("DOWN");
            assertThat(body).doesNotContain("127.0.0.1").doesNotContain(String.valueOf(closed))
                    .doesNotContain(SECRET).doesNotContain("diagnostics");
            // A request that fails open on Redis logs the failure, without the password.
            post(hub, "/v1/translate", "{\"text\":\"hi\",\"target\":\"es\"}");
        }
        assertThat(output.getAll()).contains("Dependency redis is DOWN").doesNotContain(SECRET);
    }

    @Test
    void detailsAreShownOnlyWhenTheOperatorTurnsThemOn() throws Exception {
        int closed = RedisServer.freePort();
        try (HubInstance hub = HubInstance.start(hub(closed, true), Clock.systemUTC())) {
            JsonNode ready = awaitProbed(hub);
            assertThat(ready.at("/dependencies/triton-1/diagnostics").asText()).contains("127.0.0.1:" + closed);
            assertThat(ready.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void aMalformedCacheUrlWithAPasswordIsReportedWithoutIt(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> HubInstance.start(Map.of("hub.redis.url",
                "redis://admin:" + SECRET + "@bad host:6379/0"), Clock.systemUTC()).close());

        assertThat(failure).isNotNull();
        assertThat(chain(failure)).contains("CACHE_URL").doesNotContain(SECRET);
        assertThat(output.getAll()).doesNotContain(SECRET);
    }

    @Test
    void anEngineUrlWithCredentialsIsRefusedWithoutEchoingThem(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> HubInstance.start(Map.of("TRANSLATION_ENGINE_URL",
                "http://user:" + SECRET + "@127.0.0.1:5000"), Clock.systemUTC()).close());

        assertThat(chain(failure)).contains("must not carry a query, fragment or credentials").doesNotContain(SECRET);
        assertThat(output.getAll()).doesNotContain(SECRET);
    }

    private static Map<String, Object> hub(int closedPort, boolean showDetails) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("hub.redis.url", "redis://:" + SECRET + "@127.0.0.1:" + closedPort);
        properties.put("INFERENCE_GPU_URL", "127.0.0.1:" + closedPort);
        properties.put("TRANSLATION_ENGINE_URL", "http://127.0.0.1:" + closedPort);
        properties.put("hub.auth.mode", "off");
        properties.put("hub.health.probe-timeout", "1s");
        properties.put("hub.health.show-details", showDetails);
        return properties;
    }

    private JsonNode awaitProbed(HubInstance hub) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + hub.port() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body());
        }, ready -> "DOWN".equals(ready.at("/dependencies/redis/status").asText())
                && "DOWN".equals(ready.at("/dependencies/triton-1/status").asText()));
    }

    private static void post(HubInstance hub, String path, String body) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String chain(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
