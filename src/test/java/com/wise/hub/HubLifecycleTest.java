package com.wise.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The hub as a process: graceful shutdown and the access log line. */
@ExtendWith(OutputCaptureExtension.class)
class HubLifecycleTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void inFlightRequestFinishesDuringGracefulShutdown() throws Exception {
        ConfigurableApplicationContext context = start(testRoutes());
        int port = port(context);
        CompletableFuture<HttpResponse<String>> slow = HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(5)).until(() -> inflight(context) > 0);
        context.close();
        HttpResponse<String> response = slow.get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
    }

    @Test
    void eachRequestWritesOneAccessLogLineWithItsRequestId(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port(context) + "/health"))
                    .header("X-Request-Id", "trace-me-123").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut().lines()
                    .filter(l -> l.contains("\"hub.access\"") && l.contains("trace-me-123")))
                    .singleElement().satisfies(line -> assertThat(line)
                            .contains("\"requestId\":\"trace-me-123\"")
                            .contains("\"http\":{\"method\":\"GET\",\"status\":200}")
                            .contains("\"url\":{\"path\":\"/health\"}")
                            .contains("\"duration_ms\"")));
        }
    }

    private static String[] testRoutes() {
        return new String[] {"--camel.main.routes-include-pattern=file:routes/*.yaml,file:routes/shared/*.yaml,"
                + "classpath:routes-test/*.yaml"};
    }

    private static long inflight(ConfigurableApplicationContext context) {
        return context.getBean(org.apache.camel.CamelContext.class).getInflightRepository().size();
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = Stream.concat(Stream.of("--server.port=0", "--camel.main.jmx-enabled=false"),
                Stream.of(args)).toArray(String[]::new);
        return new SpringApplicationBuilder(HubApplication.class).run(all);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
