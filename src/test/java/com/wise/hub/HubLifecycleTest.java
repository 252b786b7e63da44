package com.wise.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wise.hub.support.HubInstance;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The hub as a process: graceful shutdown, the access log line, route files reloaded while it serves. */
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

    @Test
    void editedRouteFileIsServedAndABrokenEditKeepsThePreviousRoutes(@TempDir Path routes) throws Exception {
        copyRoutes(routes);
        try (ConfigurableApplicationContext context = start(reloading(routes))) {
            int port = port(context);
            assertThat(get(port, "/health").body()).isEqualTo("{\"status\":\"UP\"}");

            String marshal = "            method: liveness\n        - marshal:\n            json:\n              library: Jackson\n";
            String edited = "{\"status\":\"UP\",\"edited\":\"yes\"}";
            save(routes.resolve("health.yaml"), text -> text.replace(marshal,
                    marshal + "        - setBody:\n            constant: '" + edited + "'\n"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(port, "/health").body())
                    .isEqualTo(edited));
            assertThat(get(port, "/health/ready").statusCode()).isEqualTo(200);
            assertThat(get(port, "/openapi.json").body()).contains("\"/health/ready\"");

            RouteWatcherReloadStrategy reload = camel(context).hasService(RouteWatcherReloadStrategy.class);
            int failedBefore = reload.getFailedCounter();
            save(routes.resolve("health.yaml"), text -> "- route: [not yaml\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> reload.getFailedCounter() > failedBefore);
            assertThat(get(port, "/health").body()).isEqualTo(edited);
            assertThat(get(port, "/health/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRouteFileAddedAndThenDeletedAddsAndThenRemovesItsRoutes(@TempDir Path routes) throws Exception {
        copyRoutes(routes);
        try (ConfigurableApplicationContext context = start(reloading(routes))) {
            CamelContext camel = camel(context);
            Path extra = routes.resolve("extra.yaml");
            Path draft = Files.writeString(routes.resolve("extra.draft"), """
                    - route:
                        id: extra-one
                        from:
                          uri: direct:extra-one
                          steps:
                            - setBody:
                                constant: one
                    - route:
                        id: extra-two
                        from:
                          uri: direct:extra-two
                          steps:
                            - setBody:
                                constant: two
                    """);
            Files.move(draft, extra, StandardCopyOption.ATOMIC_MOVE);
            await().atMost(Duration.ofSeconds(20)).until(() -> camel.getRoute("extra-two") != null);

            // A route dropped from the saved file stops too.
            save(extra, text -> text.substring(0, text.indexOf("- route:\n    id: extra-two")));
            await().atMost(Duration.ofSeconds(20)).until(() -> camel.getRoute("extra-two") == null);
            assertThat(camel.getRoute("extra-one")).isNotNull();

            Files.delete(extra);
            await().atMost(Duration.ofSeconds(20)).until(() -> camel.getRoute("extra-one") == null);
            assertThat(get(port(context), "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aFileWhoseRoutesCannotBeCreatedKeepsThePreviousRoutesAndReadinessSaysWhy(@TempDir Path routes)
            throws Exception {
        copyRoutes(routes);
        try (ConfigurableApplicationContext context = start(reloading(routes))) {
            int port = port(context);
            String good = Files.readString(routes.resolve("health.yaml"));
            // Valid YAML, but the endpoint does not exist: Camel removed the old routes first, then failed.
            save(routes.resolve("health.yaml"), text -> text.replace("            method: liveness\n",
                    "            method: liveness\n        - to: nosuchcomponent:anything\n"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(port, "/health/ready").body())
                    .contains("\"routes/health.yaml\":{\"status\":\"DOWN\"", "did not reload", "nosuchcomponent"));
            HttpResponse<String> ready = get(port, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).startsWith("{\"status\":\"DEGRADED\"");
            assertThat(get(port, "/health").body()).isEqualTo("{\"status\":\"UP\"}");

            // Another file still reloads while this one is broken.
            save(routes.resolve("tts.yaml"), text -> text + "\n# touched\n");
            save(routes.resolve("health.yaml"), text -> good);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(port, "/health/ready").body())
                    .doesNotContain("routes/health.yaml"));
            assertThat(get(port, "/health").body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void editedApiFileReplacesItsRestRoutesInsteadOfDuplicatingThem(@TempDir Path routes) throws Exception {
        copyRoutes(routes);
        try (ConfigurableApplicationContext context = start(reloading(routes))) {
            int port = port(context);
            assertThat(get(port, "/health/again").statusCode()).isEqualTo(404);
            save(routes.resolve("api.yaml"), text -> text.replaceFirst("    get:\n", "    get:\n      - id: get-health-again\n"
                    + "        routeId: get-health-again\n        path: /health/again\n        to: direct:health-live\n"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(port, "/health/again").body())
                    .isEqualTo("{\"status\":\"UP\"}"));
            assertThat(get(port, "/health").statusCode()).isEqualTo(200);
            assertThat(camel(context).getRoutes()).filteredOn(r -> r.getRouteId().equals("get-health")).hasSize(1);
        }
    }

    private static String[] reloading(Path routes) {
        return new String[] {"--hub.routes.dir=" + routes, "--hub.routes.reload=true"};
    }

    private static void copyRoutes(Path target) throws IOException {
        Path source = Path.of("routes");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Writes the edit beside the file and moves it over, as editors do, so the watcher never reads half a file. */
    private static void save(Path file, java.util.function.UnaryOperator<String> edit) throws IOException {
        String before = Files.readString(file);
        String after = edit.apply(before);
        assertThat(after).as("the edit must change %s", file).isNotEqualTo(before);
        Path draft = Files.writeString(file.resolveSibling(file.getFileName() + ".draft"), after);
        Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static CamelContext camel(ConfigurableApplicationContext context) {
        return context.getBean(CamelContext.class);
    }

    private static String[] testRoutes() {
        return new String[] {"--camel.main.routes-include-pattern=file:routes/*.yaml,file:routes/shared/*.yaml,"
                + "classpath:routes-test/*.yaml"};
    }

    private static long inflight(ConfigurableApplicationContext context) {
        return camel(context).getInflightRepository().size();
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = Stream.concat(Stream.of("--server.port=0", "--camel.main.jmx-enabled=false"),
                Stream.of(args)).toArray(String[]::new);
        HubInstance.startCamelAsADeploymentDoes();
        return new SpringApplicationBuilder(HubApplication.class).run(all);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
