package com.wise.hub.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base for tests that drive the real hub over HTTP: the Spring Boot app on a random port, with
 * the real route files from {@code routes/}. Subclasses add engines (WireMock, gRPC) and Redis
 * with {@code @DynamicPropertySource}.
 */
@CamelSpringBootTest
@SpringBootTest(classes = com.wise.hub.HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camel.main.jmx-enabled=false", "hub.health.probe-interval=200ms",
            // Capability tests are not about callers or limits (routes/AdmissionRoutesTest and auth/ are):
            // no credentials needed, and limits no test reaches.
            "hub.auth.mode=off",
            "hub.capabilities.stt.limits.per-minute=10000", "hub.capabilities.stt.limits.per-day=10000",
            "hub.capabilities.tts.limits.per-minute=10000", "hub.capabilities.tts.limits.per-day=10000",
            "hub.capabilities.translation.limits.per-minute=10000", "hub.capabilities.translation.limits.per-day=10000",
            "hub.capabilities.phonemes.limits.per-minute=10000", "hub.capabilities.phonemes.limits.per-day=10000",
            "hub.capabilities.visemes.limits.per-minute=10000", "hub.capabilities.visemes.limits.per-day=10000",
            "hub.capabilities.pronunciation.limits.per-minute=10000", "hub.capabilities.pronunciation.limits.per-day=10000",
            "hub.capabilities.chat.limits.per-minute=10000", "hub.capabilities.chat.limits.per-day=10000"})
public abstract class HubHttpTest {

    protected static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected CamelContext camelContext;

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
