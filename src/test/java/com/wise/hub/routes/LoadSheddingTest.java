package com.wise.hub.routes;

import com.wise.hub.config.HubTempDirectory;
import com.wise.hub.hostile.UploadCleanupTest;
import com.wise.hub.support.MultipartBody;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.support.HubHttpTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A replica full of requests refuses new ones at once (503, Retry-After) instead of queueing them
 * until memory runs out, still answers its operations endpoints, and takes requests again as soon
 * as places free up; a request longer than hub.request-timeout ends with 504, not a hang or a 500.
 */
@TestPropertySource(properties = {
        "camel.main.routes-include-pattern=file:routes/*.yaml,file:routes/shared/*.yaml,classpath:routes-test/*.yaml",
        "hub.max-in-flight=2", "hub.request-timeout=2s",
        // chat's first-event deadline and longest stream must end within the request timeout (start-up checks it)
        "hub.capabilities.chat.deadline=500ms", "hub.capabilities.chat.max-stream-duration=1s"})
class LoadSheddingTest extends HubHttpTest {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    HubTempDirectory temp;

    @Test
    void requestOverTheInFlightCapIsRefusedAtOnceAndOperationsStillAnswer() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> holding = List.of(
                HTTP.sendAsync(request("/test/slow").GET().build(), HttpResponse.BodyHandlers.ofString()),
                HTTP.sendAsync(request("/test/slow").GET().build(), HttpResponse.BodyHandlers.ofString()));
        await().atMost(Duration.ofSeconds(5)).until(() -> camelContext.getInflightRepository().size() >= 2);

        HttpResponse<String> refused = get("/test/slow");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json.readTree(refused.body()).get("type").asText()).isEqualTo("urn:wise-ai-hub:problem:saturated");
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/metrics").body()).contains("hub_http_shed_total");
        // A shed upload is refused before its body is read: nothing reaches the disk.
        MultipartBody upload = new MultipartBody().file("file", "a.wav", "audio/wav", new byte[2 * 1024 * 1024]);
        HttpResponse<String> shedUpload = HTTP.send(request("/v1/audio/transcriptions")
                .header("Content-Type", upload.contentType()).POST(upload.publisher()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(shedUpload.statusCode()).isEqualTo(503);
        assertThat(json.readTree(shedUpload.body()).get("type").asText()).isEqualTo("urn:wise-ai-hub:problem:saturated");
        UploadCleanupTest.awaitNoFilesIn(temp.root());

        for (CompletableFuture<HttpResponse<String>> call : holding) {
            assertThat(call.get().statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(get("/metrics").body()).contains("hub_http_in_flight{application=\"wise-ai-hub\"} 0.0"));
        assertThat(get("/test/slow").statusCode()).isEqualTo(200);
    }

    @Test
    void requestLongerThanTheBackstopTimeoutEndsWith504() throws Exception {
        HttpResponse<String> response = get("/test/slower");
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(json.readTree(response.body()).get("type").asText())
                .isEqualTo("urn:wise-ai-hub:problem:request-timeout");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("/metrics").body()).contains("hub_http_in_flight{application=\"wise-ai-hub\"} 0.0"));
    }
}
