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

/**
 * A capability the hub has never seen, "karaoke", added with a route file in ROUTES_DIR and
 * properties only, no Java: its endpoint is served and listed in /openapi.json, limited by
 * hub.limits.karaoke, cached by hub.cache.ttl.karaoke, fails over between its two engines
 * (hub.engines.karaoke.*) and has engine metrics, all through the one pipeline.
 */
class NewCapabilityTest extends HubHttpTest {

    static final String ROUTE_FILE = """
            # A capability declared in configuration: POST /v1/karaoke {song, lyrics} -> the engine's score.
            - rest:
                id: api-karaoke
                post:
                  - id: post-karaoke
                    routeId: post-karaoke
                    path: /v1/karaoke
                    description: Scores a sung line.
                    consumes: application/json
                    produces: application/json
                    to: direct:karaoke
            - templatedRoute:
                routeTemplateRef: capability
                routeId: karaoke
                parameters:
                  - {name: capability, value: karaoke}
                  - {name: feature, value: karaoke}
                  - {name: request, value: jsonBody}
            - templatedRoute:
                routeTemplateRef: capability-answer
                routeId: karaoke-answer
                parameters:
                  - {name: capability, value: karaoke}
            - route:
                id: karaoke-engine
                routeConfigurationId: hub-errors
                from:
                  uri: direct:karaoke-engine
                  steps:
                    - setProperty: {name: hubCapability, constant: karaoke}
                    - setProperty: {name: hubEngines, constant: "karaoke-1,karaoke-2"}
                    - setProperty: {name: hubEnginePath, constant: /score}
                    - setProperty: {name: hubEngineAnswer, constant: json}
                    - to: direct:engine-failover
            """;

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
        registry.add("hub.engines.karaoke.karaoke-1.url", ONE::baseUrl);
        registry.add("hub.engines.karaoke.karaoke-2.url", TWO::baseUrl);
        registry.add("hub.limits.karaoke.per-minute", () -> "3");
        registry.add("hub.limits.karaoke.per-day", () -> "100");
        registry.add("hub.cache.ttl.karaoke", () -> "1h");
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
