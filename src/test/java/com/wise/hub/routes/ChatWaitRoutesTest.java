package com.wise.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.support.FakeLlm;
import com.wise.hub.support.FakeLlm.End;
import com.wise.hub.support.FakeLlm.Script;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisServer;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A stream whose first token is slow in coming (failover under way) is begun after commit-after: the client gets
 * 200 and heartbeat comments at once, then the answer of whichever engine sends the first token, or, when none
 * does, an error event and [DONE]; a quick failure still gets its status and problem.
 */
class ChatWaitRoutesTest extends HubHttpTest {

    static final String PATH = "/v1/chat/completions";
    static final String STREAM = "{\"model\":\"wise-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}],"
            + "\"stream\":true}";
    static final RedisServer REDIS = new RedisServer().start();
    static final FakeLlm LLM_1 = new FakeLlm("llm-1");
    static final FakeLlm LLM_2 = new FakeLlm("llm-2");

    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", REDIS::url);
        registry.add("LLM_ENGINE_URL", LLM_1::url);
        registry.add("LLM_ENGINE_2_URL", LLM_2::url);
        registry.add("hub.capabilities.chat.first-token-timeout", () -> "1200ms");
        registry.add("hub.capabilities.chat.commit-after", () -> "300ms");
        registry.add("hub.capabilities.chat.heartbeat", () -> "200ms");
        registry.add("hub.engines.llm-1.breaker.minimum-number-of-calls", () -> "1000");
        registry.add("hub.engines.llm-2.breaker.minimum-number-of-calls", () -> "1000");
    }

    @AfterAll
    static void stop() {
        LLM_1.close();
        LLM_2.close();
        REDIS.stop();
    }

    @BeforeEach
    void fresh() {
        LLM_1.reset();
        LLM_2.reset();
    }

    @Test
    void heartbeatsWhileTheFirstEngineIsSilentThenTheSecondEnginesAnswer() throws Exception {
        LLM_1.always(Script.silent());
        LLM_2.always(Script.stream(3, Duration.ZERO, End.DONE));

        long start = System.nanoTime();
        HttpResponse<InputStream> response = stream();
        Duration headers = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(headers).as("begun at commit-after, long before llm-1's 1.2 s first-token timeout")
                .isLessThan(Duration.ofMillis(1000));
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(response.headers().firstValue("X-RateLimit-Remaining-Tokens")).isPresent();
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(body).startsWith(": waiting for the engine\n\n:\n\n");
        assertThat(body).contains("w0 ", "w1 ", "w2 ").doesNotContain("event: error").endsWith("data: [DONE]\n\n");
        assertThat(body.indexOf("w0 ")).isGreaterThan(body.lastIndexOf(":\n\n:"));
        assertThat(LLM_2.received()).hasSize(1);
        Awaitility.await().atMost(3, TimeUnit.SECONDS).until(() -> LLM_1.open() == 0);
    }

    @Test
    void whenNoEngineSendsAFirstTokenTheBegunStreamEndsWithAnErrorEventAndTheTokensComeBack() throws Exception {
        LLM_1.always(Script.silent());
        LLM_2.always(Script.silent());
        String before = metric();

        HttpResponse<String> response = HTTP.send(post(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(body).startsWith(": waiting for the engine\n\n").endsWith("data: [DONE]\n\n");
        int error = body.indexOf("event: error\ndata: ");
        assertThat(error).as(body).isPositive();
        JsonNode object = json.readTree(body.substring(error + 19, body.indexOf('\n', error + 19))).path("error");
        assertThat(object.path("type").asText()).isEqualTo("server_error");
        assertThat(object.path("code").asText()).isNotBlank();
        assertThat(object.path("message").asText()).contains("llm-1").contains("llm-2");
        assertThat(metric()).as("counted as failed before the first token").isNotEqualTo(before);

        // The reservation was refunded whole: the next identical request sees the same remaining tokens.
        long remaining = Long.parseLong(response.headers().firstValue("X-RateLimit-Remaining-Tokens").orElseThrow());
        LLM_1.always(Script.stream(1, Duration.ZERO, End.DONE));
        HttpResponse<String> next = HTTP.send(post(), HttpResponse.BodyHandlers.ofString());
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(Long.parseLong(next.headers().firstValue("X-RateLimit-Remaining-Tokens").orElseThrow()))
                .isEqualTo(remaining);
    }

    @Test
    void aClientThatLeavesWhileItsStreamWaitsStopsTheFailover() throws Exception {
        LLM_1.always(Script.silent());
        LLM_2.always(Script.stream(3, Duration.ZERO, End.DONE));
        String before = cancelledMetric();

        HttpResponse<InputStream> response = stream();
        try (InputStream in = response.body()) {
            assertThat(new String(in.readNBytes(10), StandardCharsets.US_ASCII)).isEqualTo(": waiting ");
        }
        // The client is gone; llm-1 stays silent until its first-token timeout (1.2 s), then nobody is left to ask.

        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> !cancelledMetric().equals(before));
        Thread.sleep(300);
        assertThat(LLM_2.received()).as("no engine asked for an answer nobody reads").isEmpty();
        assertThat(LLM_1.received()).hasSize(1);
    }

    @Test
    void aQuickFailureKeepsItsStatusAndProblem() throws Exception {
        LLM_1.always(Script.status(500));
        LLM_2.always(Script.status(503));

        HttpResponse<String> response = HTTP.send(post(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("waiting for the engine");
    }

    private HttpRequest post() {
        return request(PATH).header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(STREAM)).build();
    }

    private HttpResponse<InputStream> stream() throws Exception {
        return HTTP.send(post(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private String cancelledMetric() throws Exception {
        return get("/metrics").body().lines().filter(l -> l.startsWith("hub_chat_streams_total")
                && l.contains("engine=\"none\"") && l.contains("outcome=\"client_cancelled\"")).findFirst().orElse("none");
    }

    private String metric() throws Exception {
        return get("/metrics").body().lines().filter(l -> l.startsWith("hub_chat_streams_total")
                && l.contains("outcome=\"failed_before_first_token\"")).findFirst().orElse("none");
    }
}
