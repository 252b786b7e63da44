package com.wise.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.support.HubHttpTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The behaviour every endpoint shares (routes/api.yaml, routes/health.yaml, routes/shared/*):
 * request ids, problem+json for every failure, health, metrics, OpenAPI; run with no engine and
 * no Redis configured, as a fresh {@code java -jar} would.
 */
@TestPropertySource(properties = {
        "camel.main.routes-include-pattern=file:routes/*.yaml,file:routes/shared/*.yaml,classpath:routes-test/*.yaml",
        "hub.max-request-size=64KB", "hub.json.max-body-size=64KB", "CACHE_URL="})
class ApiFoundationTest extends HubHttpTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void wellFormedRequestIdIsKept() throws Exception {
        HttpResponse<String> response = HTTP.send(request("/health").header("X-Request-Id", "mobile-42.retry_1")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("mobile-42.retry_1");
    }

    @Test
    void malformedRequestIdIsReplaced() throws Exception {
        HttpResponse<String> response = HTTP.send(request("/health").header("X-Request-Id", "bad id; drop table")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().allValues("X-Request-Id")).hasSize(1).first()
                .matches(id -> id.matches("[0-9a-f-]{36}"));
        HttpResponse<String> tooLong = HTTP.send(request("/health").header("X-Request-Id", "a".repeat(65))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLong.headers().firstValue("X-Request-Id").orElseThrow()).hasSize(36);
    }

    @Test
    void missingRequestIdIsGeneratedAndDistinct() throws Exception {
        String first = get("/health").headers().firstValue("X-Request-Id").orElseThrow();
        String second = get("/health").headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void requestHeadersAreNotEchoedBack() throws Exception {
        HttpResponse<String> response = HTTP.send(request("/health").header("X-Secret", "s3cret")
                .header("Authorization", "Bearer t").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("x-secret")
                || h.equalsIgnoreCase("authorization") || h.equalsIgnoreCase("user-agent"));
    }

    @Test
    void unknownPathIsProblem404() throws Exception {
        HttpResponse<String> response = get("/v1/nothing-here");
        assertProblem(response, 404, "not-found");
        assertThat(problem(response).get("detail").asText()).contains("/v1/nothing-here");
    }

    @Test
    void wrongMethodIsProblem405WithAllow() throws Exception {
        HttpResponse<String> response = postJson("/health", "{}");
        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void malformedJsonIsProblem400() throws Exception {
        HttpResponse<String> response = postJson("/test/json", "{\"name\": ");
        assertProblem(response, 400, "malformed-json");
        assertThat(problem(response).get("detail").asText()).startsWith("The request body is not valid JSON");
    }

    @Test
    void emptyJsonBodyIsProblem400() throws Exception {
        assertProblem(postJson("/test/json", ""), 400, "empty-body");
    }

    @Test
    void wrongContentTypeIsProblem415() throws Exception {
        HttpResponse<String> response = HTTP.send(request("/test/json").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void wellFormedJsonPasses() throws Exception {
        HttpResponse<String> response = postJson("/test/json", "{\"name\":\"x\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void oversizedBodyIsProblem413() throws Exception {
        HttpResponse<String> response = postJson("/test/json", "{\"name\":\"" + "x".repeat(70_000) + "\"}");
        assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void unexpectedFailureIsProblem500WithoutInternals() throws Exception {
        HttpResponse<String> response = get("/test/boom");
        assertProblem(response, 500, "internal-error");
        assertThat(response.body()).doesNotContain("db.internal").doesNotContain("Exception").doesNotContain("at ");
    }

    @Test
    void livenessIsUp() throws Exception {
        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void readinessReportsRedisNotConfiguredAndStaysReady() throws Exception {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> response = get("/health/ready");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = json.readTree(response.body());
            assertThat(body.get("status").asText()).isEqualTo("UP");
            assertThat(body.get("camel").asText()).isEqualTo("Started");
            assertThat(body.at("/dependencies/redis/status").asText()).isEqualTo("NOT_CONFIGURED");
        });
    }

    @Test
    void metricsHaveRequestHistogramByEndpointTemplate() throws Exception {
        get("/health");
        get("/v1/nothing-here");
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body())
                .containsPattern("hub_http_requests_seconds_bucket\\{[^}]*endpoint=\"/health\"[^}]*method=\"GET\""
                        + "[^}]*status=\"200\"")
                .containsPattern("hub_http_requests_seconds_count\\{[^}]*endpoint=\"UNMATCHED\"[^}]*status=\"404\"")
                .doesNotContain("endpoint=\"/v1/nothing-here\"");
    }

    @Test
    void openApiListsTheOperationsEndpoints() throws Exception {
        HttpResponse<String> response = get("/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = json.readTree(response.body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("paths").has("/health")).isTrue();
        assertThat(doc.get("paths").has("/health/ready")).isTrue();
        assertThat(doc.get("paths").has("/metrics")).isTrue();
    }

    @Test
    void everyRouteUsesTheSharedErrorPolicy() {
        ModelCamelContext model = (ModelCamelContext) camelContext;
        assertThat(camelContext.getRoutes()).isNotEmpty();
        for (Route route : camelContext.getRoutes()) {
            RouteDefinition definition = model.getRouteDefinition(route.getRouteId());
            if (definition == null || definition.isRest() != null && definition.isRest()) {
                continue;
            }
            // The guarded engine calls hand their failures back to engine-failover (errors.yaml, engine-attempt).
            String expected = route.getRouteId().startsWith("engine-call-") ? "engine-attempt" : "hub-errors";
            assertThat(definition.getRouteConfigurationId())
                    .as("route %s must set routeConfigurationId: %s", route.getRouteId(), expected)
                    .isEqualTo(expected);
        }
    }

    @Test
    void everyRestOperationNamesItsRouteSoAReloadReplacesIt() {
        ModelCamelContext model = (ModelCamelContext) camelContext;
        assertThat(model.getRestDefinitions()).flatMap(RestDefinition::getVerbs).isNotEmpty()
                .allSatisfy(verb -> assertThat(verb.getRouteId())
                        .as("operation %s %s must set an id and routeId: <the same id>", verb.asVerb(), verb.getPath())
                        .isNotBlank().isEqualTo(verb.getId()));
    }

    private void assertProblem(HttpResponse<String> response, int status, String slug) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode body = problem(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("type").asText()).isEqualTo("urn:wise-ai-hub:problem:" + slug);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
        assertThat(body.get("requestId").asText())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        JsonNode error = body.get("error");
        assertThat(error.get("message").asText()).isEqualTo(body.get("detail").asText());
        assertThat(error.get("type").asText()).isEqualTo(status >= 500 ? "server_error" : "invalid_request_error");
        assertThat(error.get("code").asText()).isEqualTo(slug);
        assertThat(error.path("param").isNull()).as("param is null, not absent").isTrue();
    }

    private JsonNode problem(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }
}
