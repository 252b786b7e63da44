package com.wise.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.support.AudioSamples;
import com.wise.hub.support.FakeEngine;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.MultipartBody;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared engine-call machinery (routes/shared/engine-call.yaml, routes/shared/engine-failover.yaml)
 * with the real routes and real HTTP calls to in-process engines that can hold calls, so in-flight
 * caps, breakers and deadlines are exercised deterministically. stt-1 allows 2 calls in flight and
 * opens its breaker after 2 failures in 4 calls for 1 s; stt-2 allows 1; the TTS engines have no URL.
 */
@DisableJmx(false)
class EngineFailoverRoutesTest extends HubHttpTest {

    static final FakeEngine ONE = new FakeEngine();
    static final FakeEngine TWO = new FakeEngine();
    static final String PATH = "/v1/test";

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    ProducerTemplate template;

    @Autowired
    CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("STT_ENGINE_1_URL", ONE::url);
        registry.add("STT_ENGINE_2_URL", TWO::url);
        registry.add("hub.engines.stt-1.max-in-flight", () -> "2");
        registry.add("hub.engines.stt-1.response-timeout", () -> "5s");
        registry.add("hub.engines.stt-1.breaker.minimum-number-of-calls", () -> "4");
        registry.add("hub.engines.stt-1.breaker.sliding-window-size", () -> "4");
        registry.add("hub.engines.stt-1.breaker.wait-duration-in-open-state", () -> "1s");
        registry.add("hub.engines.stt-1.breaker.permitted-number-of-calls-in-half-open-state", () -> "1");
        registry.add("hub.engines.stt-2.max-in-flight", () -> "1");
        // The chains the tests call, each declared as a capability: chain-<engine ids joined by '-'>.
        for (List<String> chain : List.of(List.of("stt-1", "stt-2"), List.of("stt-1"), List.of("tts-1", "tts-2"),
                List.of("tts-vi", "stt-2"))) {
            registry.add("hub.capabilities." + chainName(chain) + ".engines", () -> String.join(",", chain));
        }
        registry.add("hub.capabilities.chain-short.engines", () -> "stt-1,stt-2");
        registry.add("hub.capabilities.chain-short.deadline", () -> "500ms");
        registry.add("camel.main.jmx-enabled", () -> "true");
        registry.add("camel.main.name", () -> "engine-failover-test");
    }

    @AfterAll
    static void stopEngines() {
        ONE.close();
        TWO.close();
    }

    @BeforeEach
    void resetEnginesAndBreakers() {
        ONE.reset();
        TWO.reset();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void eachConfiguredEngineGetsItsGuardedRouteUnderTheEngineAttemptPolicy() {
        ModelCamelContext model = (ModelCamelContext) camelContext;
        for (String engine : List.of("stt-1", "stt-2")) {
            assertThat(model.getRouteDefinition("engine-call-" + engine).getRouteConfigurationId())
                    .isEqualTo("engine-attempt");
        }
        assertThat(camelContext.getRoute("engine-call-tts-1")).as("no URL, no route").isNull();
    }

    @Test
    void serverErrorMovesOnAndTheAnswerCarriesTheEngineAndAttempts() {
        ONE.answer(500, "application/json", "{\"error\":\"model crashed\"}");
        TWO.answer(200, "application/json", "{\"text\":\"from two\"}");
        Exchange result = call(List.of("stt-1", "stt-2"), "{\"q\":1}".getBytes(), null);
        assertThat(result.getMessage().getBody(String.class)).isEqualTo("{\"text\":\"from two\"}");
        assertThat(result.getMessage().getHeader("Content-Type", String.class)).startsWith("application/json");
        assertThat(result.getMessage().getHeader("X-Engine")).isEqualTo("stt-2");
        assertThat(result.getMessage().getHeader("X-Engine-Attempts")).isEqualTo("stt-1:5xx,stt-2:ok");
    }

    @Test
    void tooManyRequestsMovesOn() {
        ONE.answer(429, "application/json", "{\"error\":\"busy\"}");
        Exchange result = call(List.of("stt-1", "stt-2"), "{}".getBytes(), null);
        assertThat(result.getMessage().getHeader("X-Engine-Attempts")).isEqualTo("stt-1:429,stt-2:ok");
    }

    @Test
    void theSameBytesAreSentToEachEngineForByteArrayAndStreamBodies() {
        byte[] payload = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(payload);
        ONE.answer(503, "text/plain", "overloaded");
        call(List.of("stt-1", "stt-2"), payload, null);
        call(List.of("stt-1", "stt-2"), new ByteArrayInputStream(payload), null);
        assertThat(ONE.received()).hasSize(2).allSatisfy(r -> assertThat(r.body()).isEqualTo(payload));
        assertThat(TWO.received()).hasSize(2).allSatisfy(r -> assertThat(r.body()).isEqualTo(payload));
    }

    @Test
    void anAnswerSpooledToDiskReachesTheCallerWhole() throws Exception {
        byte[] transcript = ("{\"text\":\"" + "long ".repeat(600_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        ONE.answer(200, "application/json", transcript);
        MultipartBody upload = upload();
        HttpResponse<byte[]> response = HTTP.send(request("/v1/audio/transcriptions")
                .header("Content-Type", upload.contentType()).POST(upload.publisher()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(transcript);
    }

    @Test
    void onlyContentTypeAcceptAndRequestIdReachTheEngineAtItsOwnAddress() {
        call(List.of("stt-1"), "{}".getBytes(), Map.of("Authorization", "Bearer secret", "Cookie", "session=1",
                "X-Forwarded-For", "10.0.0.1", "Accept", "application/json", "X-Request-Id", "req-42",
                "CamelHttpUri", TWO.url() + "/steal", "CamelHttpPath", "/admin", "CamelHttpQuery", "debug=true"));
        assertThat(TWO.received()).isEmpty();
        FakeEngine.Received received = ONE.received().get(0);
        assertThat(received.path()).isEqualTo(PATH);
        Map<String, List<String>> headers = lowerCase(received.headers());
        assertThat(headers).containsEntry("x-request-id", List.of("req-42"))
                .containsEntry("accept", List.of("application/json"))
                .containsEntry("content-type", List.of("application/json"));
        assertThat(headers.keySet()).doesNotContain("authorization", "cookie", "x-forwarded-for",
                "x-hub-response-timeout").noneMatch(h -> h.startsWith("camel"));
    }

    @Test
    void breakerOpensAfterFailuresSkipsTheEngineThenRecoversWhenHalfOpen() {
        ONE.answer(500, "text/plain", "down");
        for (int i = 0; i < 4; i++) {
            assertThat(call(List.of("stt-1", "stt-2"), "{}".getBytes(), null).getMessage().getHeader("X-Engine"))
                    .isEqualTo("stt-2");
        }
        assertThat(breakers.circuitBreaker("stt-1").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsWhileClosed = ONE.arrivals();
        Exchange skipped = call(List.of("stt-1", "stt-2"), "{}".getBytes(), null);
        assertThat(skipped.getMessage().getHeader("X-Engine-Attempts")).isEqualTo("stt-1:circuit-open,stt-2:ok");
        assertThat(ONE.arrivals()).isEqualTo(callsWhileClosed);

        ONE.answer(200, "application/json", "{\"text\":\"back\"}");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(call(List.of("stt-1", "stt-2"), "{}".getBytes(), null).getMessage().getHeader("X-Engine"))
                        .isEqualTo("stt-1"));
        assertThat(breakers.circuitBreaker("stt-1").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void everyEngineOpenGives503WithRetryAfter() throws Exception {
        breakers.circuitBreaker("stt-1").transitionToForcedOpenState();
        breakers.circuitBreaker("stt-2").transitionToForcedOpenState();
        HttpResponse<String> response = transcribe();
        assertProblem(response, 503, "engines-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(outcomes(response)).containsExactly("stt-1:circuit-open", "stt-2:circuit-open");
        assertThat(ONE.arrivals() + TWO.arrivals()).isZero();
    }

    @Test
    void overTheCapTheCallGoesToTheNextEngineAndThePermitComesBack() throws Exception {
        ONE.hold();
        List<CompletableFuture<HttpResponse<String>>> held = List.of(transcribeAsync(), transcribeAsync());
        await().atMost(Duration.ofSeconds(10)).until(() -> ONE.arrivals() == 2);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> extra = transcribe();
            assertThat(extra.statusCode()).isEqualTo(200);
            assertThat(extra.headers().firstValue("X-Engine-Attempts")).hasValue("stt-1:saturated,stt-2:ok");
        }
        assertThat(ONE.arrivals()).isEqualTo(2);
        ONE.release();
        for (CompletableFuture<HttpResponse<String>> call : held) {
            assertThat(call.get().headers().firstValue("X-Engine")).hasValue("stt-1");
        }
        assertThat(transcribe().headers().firstValue("X-Engine")).hasValue("stt-1");
    }

    @Test
    void withEveryEngineAtItsCapExactlyTheCapsAreAdmittedAndTheRestGet503() throws Exception {
        ONE.hold();
        TWO.hold();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(transcribeAsync());
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> calls.stream().filter(CompletableFuture::isDone).count() == 5);
        assertThat(ONE.arrivals()).isEqualTo(2);
        assertThat(TWO.arrivals()).isEqualTo(1);
        for (CompletableFuture<HttpResponse<String>> call : calls.stream().filter(CompletableFuture::isDone).toList()) {
            assertProblem(call.get(), 503, "engines-unavailable");
            assertThat(call.get().headers().firstValue("Retry-After")).hasValue("1");
            assertThat(outcomes(call.get())).containsExactly("stt-1:saturated", "stt-2:saturated");
        }
        ONE.release();
        TWO.release();
        Map<String, Long> answeredBy = calls.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200)
                .collect(Collectors.groupingBy(r -> r.headers().firstValue("X-Engine").orElseThrow(),
                        Collectors.counting()));
        assertThat(answeredBy).isEqualTo(Map.of("stt-1", 2L, "stt-2", 1L));
    }

    @Test
    void theDeadlineCutsAHangingEngineAndStopsTheChain() {
        ONE.hold();
        Exchange result = template.send("direct:engine-failover", e -> {
            prepare(e, List.of("stt-1", "stt-2"), "{}".getBytes());
            e.setProperty("hubCapability", "chain-short");
        });
        assertThat(result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(504);
        assertThat(result.getMessage().getHeader("X-Engine-Attempts")).isEqualTo("stt-1:timeout,stt-2:deadline");
        assertThat(TWO.arrivals()).isZero();
    }

    @Test
    void enginesWithoutUrlGive503NamingTheVariables() throws Exception {
        Exchange result = call(List.of("tts-1", "tts-2"), "{}".getBytes(), null);
        assertThat(result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        JsonNode problem = json.readTree(result.getMessage().getBody(String.class));
        assertThat(problem.get("type").asText()).endsWith(":engine-not-configured");
        assertThat(problem.get("detail").asText()).contains("TTS_ENGINE_1_URL or TTS_ENGINE_2_URL");
    }

    @Test
    void anEngineWithoutUrlIsSkippedForTheNextOne() {
        Exchange result = call(List.of("tts-vi", "stt-2"), "{}".getBytes(), null);
        assertThat(result.getMessage().getHeader("X-Engine-Attempts")).isEqualTo("tts-vi:not-configured,stt-2:ok");
    }

    @Test
    void anUndeclaredCapabilityIsAnInternalError() {
        Exchange result = template.send("direct:engine-failover", e -> {
            prepare(e, List.of("stt-1"), "{}".getBytes());
            e.setProperty("hubCapability", "never-declared");
        });
        assertThat(result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(500);
    }

    @Test
    void breakersAreVisibleAndOperableOverJmx() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName breaker = jmx.queryNames(new ObjectName(
                "org.apache.camel:context=engine-failover-test,type=processors,name=\"stt-1\""), null)
                .iterator().next();
        assertThat(jmx.getAttribute(breaker, "CircuitBreakerState")).isEqualTo("CLOSED");
        jmx.invoke(breaker, "transitionToForcedOpenState", null, null);
        assertThat(call(List.of("stt-1", "stt-2"), "{}".getBytes(), null).getMessage().getHeader("X-Engine-Attempts"))
                .isEqualTo("stt-1:circuit-open,stt-2:ok");
        jmx.invoke(breaker, "transitionToCloseState", null, null);
        assertThat(jmx.getAttribute(breaker, "CircuitBreakerState")).isEqualTo("CLOSED");
        assertThat(call(List.of("stt-1", "stt-2"), "{}".getBytes(), null).getMessage().getHeader("X-Engine"))
                .isEqualTo("stt-1");
    }

    @Test
    void readinessListsEachEngineWithItsBreaker() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode ready = json.readTree(get("/health/ready").body());
            assertThat(ready.at("/dependencies/stt-1/status").asText()).isEqualTo("UP");
            assertThat(ready.at("/dependencies/tts-1/status").asText()).isEqualTo("NOT_CONFIGURED");
            assertThat(ready.at("/dependencies/tts-1/detail").asText()).contains("TTS_ENGINE_1_URL");
        });
        breakers.circuitBreaker("stt-1").transitionToForcedOpenState();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode ready = json.readTree(get("/health/ready").body());
            assertThat(ready.get("status").asText()).isEqualTo("DEGRADED");
            assertThat(ready.at("/dependencies/stt-1/status").asText()).isEqualTo("DOWN");
            assertThat(ready.at("/dependencies/stt-1/detail").asText()).contains("breaker FORCED_OPEN");
        });
    }

    private Exchange call(List<String> engines, Object body, Map<String, String> headers) {
        return template.send("direct:engine-failover", e -> {
            prepare(e, engines, body);
            if (headers != null) {
                headers.forEach(e.getMessage()::setHeader);
            }
        });
    }

    private static void prepare(Exchange exchange, List<String> engines, Object body) {
        exchange.setProperty("hubCapability", chainName(engines));
        exchange.setProperty("hubEnginePath", PATH);
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader("Content-Type", "application/json");
    }

    private static MultipartBody upload() {
        return new MultipartBody().file("file", "a.wav", "audio/wav", AudioSamples.wav(2048));
    }

    private HttpResponse<String> transcribe() throws Exception {
        MultipartBody body = upload();
        return HTTP.send(request("/v1/audio/transcriptions").header("Content-Type", body.contentType())
                .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> transcribeAsync() {
        MultipartBody body = upload();
        return HTTP.sendAsync(request("/v1/audio/transcriptions").header("Content-Type", body.contentType())
                .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> outcomes(HttpResponse<String> response) throws Exception {
        List<String> outcomes = new ArrayList<>();
        json.readTree(response.body()).get("attempts")
                .forEach(a -> outcomes.add(a.get("engine").asText() + ":" + a.get("outcome").asText()));
        return outcomes;
    }

    private void assertProblem(HttpResponse<String> response, int status, String slug) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).get("type").asText()).isEqualTo("urn:wise-ai-hub:problem:" + slug);
    }

    private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        return headers.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT),
                Map.Entry::getValue));
    }

    private static String chainName(List<String> engines) {
        return "chain-" + String.join("-", engines);
    }
}
