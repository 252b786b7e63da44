package com.wise.hub.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.wise.hub.redis.RedisWarmup;
import com.wise.hub.support.DocExamples;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisReadiness;
import com.wise.hub.support.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A capability the hub has never seen, "karaoke", added with a route file in ROUTES_DIR and
 * properties only, no Java: its endpoint is served and listed in /openapi.json, limited by
 * hub.capabilities.karaoke.limits, cached by hub.capabilities.karaoke.cache-ttl, fails over between its two engines
 * (hub.capabilities.karaoke.engines, hub.engines.karaoke-*) and has engine metrics, all through the one pipeline.
 */
// The configuration block of the docs, as ./config/application.yaml would be read (CONFIGURATION writes it).
@TestPropertySource(properties = "spring.config.additional-location=file:target/doc-examples/karaoke.yaml")
class NewCapabilityTest extends HubHttpTest {

    /** Exactly as docs/routes.md ("Adding a capability") shows them: the route file and the configuration. */
    static final String ROUTE_FILE = DocExamples.block("docs/routes.md", "# routes/karaoke.yaml");
    static final Path CONFIGURATION = DocExamples.file("docs/routes.md", "# configuration (", "karaoke.yaml");

    static final Path ROUTES = routesWith("karaoke.yaml", ROUTE_FILE);
    static final RedisServer REDIS = new RedisServer().start();
    static final WireMockServer ONE = new WireMockServer(options().dynamicPort());
    static final WireMockServer TWO = new WireMockServer(options().dynamicPort());

    static {
        ONE.start();
        TWO.start();
        ONE.stubFor(post(urlEqualTo("/score")).willReturn(aResponse().withStatus(503)));
        TWO.stubFor(post(urlEqualTo("/score")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"score\":87}")));
    }

    @DynamicPropertySource
    static void declare(DynamicPropertyRegistry registry) {
        registry.add("hub.routes.dir", ROUTES::toString);
        registry.add("hub.redis.url", REDIS::url);
        // Only where the engines run and a per-minute limit a test reaches differ from the docs.
        registry.add("hub.engines.karaoke-1.url", ONE::baseUrl);
        registry.add("hub.engines.karaoke-2.url", TWO::baseUrl);
        registry.add("hub.capabilities.karaoke.limits.per-minute", () -> "3");
    }

    @AfterAll
    static void stop() {
        ONE.stop();
        TWO.stop();
        REDIS.stop();
    }

    @Autowired
    RedisWarmup warmup;

    @Test
    void aCapabilityDeclaredInConfigurationIsServedCachedLimitedFailsOverAndIsMeasured() throws Exception {
        RedisReadiness.awaitWarmedUp(warmup);
        String line = "{\"song\":\"Happy birthday\",\"lyrics\":\"happy birthday to you\"}";

        HttpResponse<String> first = postJson("/v1/karaoke", line);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"score\":87}");
        assertThat(first.headers().firstValue("X-Engine-Attempts")).hasValue("karaoke-1:5xx,karaoke-2:ok");
        assertThat(first.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
        assertThat(first.headers().firstValue("X-RateLimit-Limit-Day")).as("per-day as the docs declare it").hasValue("500");
        TWO.verify(postRequestedFor(urlEqualTo("/score")).withRequestBody(equalToJson(line)));

        // The same request in another member order is the same request: from the cache.
        HttpResponse<String> again = postJson("/v1/karaoke", "{\"lyrics\":\"happy birthday to you\",\"song\":\"Happy birthday\"}");
        assertThat(again.headers().firstValue("X-Cache")).hasValue("HIT");
        TWO.verify(1, postRequestedFor(urlEqualTo("/score")));

        assertThat(postJson("/v1/karaoke", line).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = postJson("/v1/karaoke", line);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("\"feature\":\"karaoke\"");

        String metrics = get("/metrics").body();
        assertThat(metrics).contains("hub_engine_requests_total{application=\"wise-ai-hub\",engine=\"karaoke-2\",outcome=\"ok\"}")
                .contains("hub_engine_failovers_total{application=\"wise-ai-hub\",capability=\"karaoke\",from=\"karaoke-1\"")
                .contains("hub_cache_requests_total{application=\"wise-ai-hub\",kind=\"karaoke\",result=\"hit\"}")
                .contains("endpoint=\"/v1/karaoke\"");
        assertThat(get("/openapi.json").body()).contains("\"/v1/karaoke\"", "Scores a sung line.");
        assertThat(get("/health/ready").body()).contains("\"karaoke-1\"", "\"karaoke-2\"");
    }

    /** The shipped routes plus one more file, in a directory of their own. */
    static Path routesWith(String name, String content) {
        try {
            Path dir = Files.createTempDirectory("routes");
            Path source = Path.of("routes");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = dir.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(dir.resolve(name), content);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
