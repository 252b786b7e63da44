package com.wise.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.engine.EngineStreams;
import com.wise.hub.support.FakeLlm;
import com.wise.hub.support.FakeLlm.End;
import com.wise.hub.support.FakeLlm.Script;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /v1/chat/completions} and {@code GET /v1/models} (routes/chat.yaml) over HTTP with a real Redis and
 * two fake OpenAI-compatible engines with scripted chunk timing: JSON and streamed answers, events relayed while
 * the engine still sends, failover before the first token, honest ends of broken streams, cancellation, bad input.
 */
class ChatRoutesTest extends HubHttpTest {

    static final String PATH = "/v1/chat/completions";
    static final RedisServer REDIS = new RedisServer().start();
    static final FakeLlm LLM_1 = new FakeLlm("llm-1");
    static final FakeLlm LLM_2 = new FakeLlm("llm-2");
    static final String HELLO = "{\"model\":\"wise-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]";

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    EngineStreams engineStreams;

    @Autowired
    CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", REDIS::url);
        registry.add("LLM_ENGINE_URL", LLM_1::url);
        registry.add("LLM_ENGINE_2_URL", LLM_2::url);
        registry.add("LLM_ENGINE_API_KEY", () -> "sk-engine-one");
        registry.add("LLM_MODEL", () -> "llama-one");
        registry.add("LLM_MODEL_2", () -> "qwen-two");
        // An engine nobody listens on: port 1 refuses connections.
        registry.add("hub.engines.llm-3.url", () -> "http://127.0.0.1:1");
        registry.add("hub.capabilities.chat.engines", () -> "llm-1,llm-2,llm-3");
        registry.add("hub.capabilities.chat.models.down-first[0].engine", () -> "llm-3");
        registry.add("hub.capabilities.chat.models.down-first[0].model", () -> "gone");
        registry.add("hub.capabilities.chat.models.down-first[1].engine", () -> "llm-2");
        registry.add("hub.capabilities.chat.models.down-first[1].model", () -> "qwen-two");
        registry.add("hub.capabilities.chat.models.down-first[1].max-tokens-field", () -> "max_completion_tokens");
        registry.add("hub.capabilities.chat.first-token-timeout", () -> "1s");
        registry.add("hub.capabilities.chat.idle-timeout", () -> "1s");
        registry.add("hub.capabilities.chat.heartbeat", () -> "200ms");
        registry.add("hub.capabilities.chat.max-tokens", () -> "2048");
        // Failover is under test here, not the breaker: it must not open between tests.
        registry.add("hub.engines.llm-1.breaker.minimum-number-of-calls", () -> "1000");
        registry.add("hub.engines.llm-1.breaker.sliding-window-size", () -> "1000");
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
    void answersJsonWithTheAliasAndSendsEachEngineItsModelAndKey() throws Exception {
        HttpResponse<String> response = HTTP.send(request(PATH).header("Content-Type", "application/json")
                .header("Authorization", "Bearer client-secret")
                .POST(HttpRequest.BodyPublishers.ofString(HELLO + ",\"temperature\":0.2}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Engine")).hasValue("llm-1");
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.path("object").asText()).isEqualTo("chat.completion");
        assertThat(answer.path("model").asText()).isEqualTo("wise-chat");
        assertThat(answer.at("/choices/0/message/content").asText()).isEqualTo("Hello there!");
        assertThat(answer.at("/usage/completion_tokens").asInt()).isEqualTo(3);
        FakeLlm.Received call = LLM_1.received().get(0);
        assertThat(call.body().path("model").asText()).isEqualTo("llama-one");
        assertThat(call.body().path("max_tokens").asInt()).as("the default is always sent").isEqualTo(1024);
        assertThat(call.body().path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(call.headers().get("Authorization")).containsExactly("Bearer sk-engine-one");
        assertThat(LLM_2.received()).isEmpty();
    }

    @Test
    void probesEachEngineWithItsKeyAndIsNotReadyWhenTheKeyIsRefused() throws Exception {
        Awaitility.await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            assertThat(engineReadiness("llm-1").path("status").asText()).isEqualTo("UP");
            assertThat(LLM_1.probes()).contains("Bearer sk-engine-one");
        });
        LLM_1.acceptOnly("sk-rotated");
        Awaitility.await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            JsonNode llm1 = engineReadiness("llm-1");
            assertThat(llm1.path("status").asText()).isEqualTo("DOWN");
            assertThat(llm1.toString()).contains("refuses the key in LLM_ENGINE_API_KEY");
        });
        assertThat(LLM_2.probes()).as("llm-2's key is not set: it gets none, never another's").containsOnly("null");
        LLM_2.acceptOnly("sk-any");
        Awaitility.await().atMost(10, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(engineReadiness("llm-2").toString()).contains("DOWN").contains("LLM_ENGINE_2_API_KEY (not set)"));
    }

    private JsonNode engineReadiness(String engine) throws Exception {
        return json.readTree(get("/health/ready").body()).path("dependencies").path(engine);
    }

    @Test
    void relaysEachEventWhileTheEngineIsStillSending() throws Exception {
        LLM_1.always(Script.stream(10, Duration.ofMillis(200), End.DONE));
        long start = System.nanoTime();
        HttpResponse<InputStream> response = stream(HELLO + ",\"stream\":true}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(response.headers().firstValue("Cache-Control")).as(response.headers().map().toString()).hasValue("no-cache");
        try (BufferedReader events = reader(response)) {
            String first = nextData(events);
            long firstAt = System.nanoTime() - start;
            assertThat(json.readTree(first).at("/choices/0/delta/content").asText()).isEqualTo("w0 ");
            assertThat(json.readTree(first).path("model").asText()).isEqualTo("wise-chat");
            assertThat(Duration.ofNanos(firstAt)).as("the first event, long before the engine's last")
                    .isLessThan(Duration.ofMillis(1500));
            List<String> rest = rest(events);
            assertThat(rest).last().isEqualTo("[DONE]");
            assertThat(rest).as("no usage chunk: the client did not ask for it").noneMatch(d -> d.contains("usage"));
            assertThat(rest).hasSize(9 + 1 + 1);
        }
        assertThat(LLM_1.received().get(0).body().at("/stream_options/include_usage").asBoolean()).isTrue();
    }

    @Test
    void passesTheUsageChunkWhenTheClientAsksForIt() throws Exception {
        LLM_1.always(Script.stream(3, Duration.ZERO, End.DONE));
        HttpResponse<InputStream> response = stream(HELLO + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");

        try (BufferedReader events = reader(response)) {
            List<String> all = rest(events);
            JsonNode usage = json.readTree(all.get(all.size() - 2));
            assertThat(usage.path("choices")).isEmpty();
            assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(3);
        }
    }

    @Test
    void aFinishedStreamLeavesItsEngineConnectionOpenForTheNextCall() throws Exception {
        // The engine ends its answer 300 ms after [DONE]: the hub reads on to that end instead of closing.
        LLM_1.always(Script.stream(3, Duration.ZERO, End.DONE_THEN_LINGER));

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = postJson(PATH, HELLO + ",\"stream\":true}");
            assertThat(response.body()).endsWith("data: [DONE]\n\n");
            Awaitility.await().atMost(2, TimeUnit.SECONDS).until(() -> LLM_1.open() == 0);
            Thread.sleep(100);
        }

        assertThat(LLM_1.received().stream().map(FakeLlm.Received::clientPort).distinct())
                .as("one connection for the three streams").hasSize(1);
    }

    @ParameterizedTest(name = "engine 1 answers {0}, stream {1}: engine 2 answers")
    @CsvSource({"500,false", "500,true", "429,false", "429,true", "503,true"})
    void failsOverBeforeTheFirstToken(int status, boolean stream) throws Exception {
        LLM_1.always(Script.status(status));
        LLM_2.always(Script.stream(3, Duration.ZERO, End.DONE));

        String body = HELLO + ",\"stream\":" + stream + "}";
        HttpResponse<String> response = postJson(PATH, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Engine")).hasValue("llm-2");
        assertThat(LLM_2.received().get(0).body().path("model").asText()).isEqualTo("qwen-two");
        assertThat(LLM_2.received().get(0).headers().get("Authorization")).as("llm-2 has no key configured").isNull();
        if (stream) {
            assertThat(response.body()).contains("w2 ").endsWith("data: [DONE]\n\n");
        } else {
            assertThat(json.readTree(response.body()).at("/choices/0/message/content").asText()).isEqualTo("w0 w1 w2 ");
        }
    }

    @Test
    void failsOverWhenTheFirstEngineSendsNoEventInTime() throws Exception {
        LLM_1.always(Script.silent());
        LLM_2.always(Script.stream(2, Duration.ZERO, End.DONE));

        long start = System.nanoTime();
        HttpResponse<String> response = postJson(PATH, HELLO + ",\"stream\":true}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Engine")).hasValue("llm-2");
        assertThat(response.headers().firstValue("X-Engine-Attempts").orElse("")).contains("llm-1:timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        Awaitility.await().atMost(3, TimeUnit.SECONDS).until(() -> LLM_1.open() == 0);
        assertThat(engineStreams.open("llm-1")).isZero();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void failsOverWhenTheFirstEngineRefusesConnections(boolean stream) throws Exception {
        HttpResponse<String> response = postJson(PATH,
                "{\"model\":\"down-first\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":" + stream + "}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Engine")).hasValue("llm-2");
        assertThat(response.headers().firstValue("X-Engine-Attempts").orElse("")).contains("llm-3:unreachable");
        JsonNode sent = LLM_2.received().get(0).body();
        assertThat(sent.path("max_completion_tokens").asInt()).as("this target's declared max-tokens-field").isEqualTo(1024);
        assertThat(sent.has("max_tokens")).isFalse();
    }

    @ParameterizedTest(name = "engine {0} after 3 events: error event, then [DONE]")
    @CsvSource({"CUT,engine_cut", "STALL,stalled"})
    void endsABrokenStreamWithAnErrorEventThenDone(End end, String code) throws Exception {
        LLM_1.always(Script.stream(3, Duration.ofMillis(50), end));
        CircuitBreaker.Metrics breaker = breakers.circuitBreaker("llm-1").getMetrics();
        int failedBefore = breaker.getNumberOfFailedCalls();

        HttpResponse<String> response = postJson(PATH, HELLO + ",\"stream\":true}");

        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(body).contains("w0 ", "w1 ", "w2 ");
        assertThat(body).endsWith("data: [DONE]\n\n");
        int error = body.indexOf("event: error\ndata: ");
        assertThat(error).as("an error event").isPositive();
        String errorData = body.substring(error + "event: error\ndata: ".length(), body.indexOf('\n', error + 20));
        JsonNode object = json.readTree(errorData).path("error");
        assertThat(object.path("code").asText()).isEqualTo(code);
        assertThat(object.path("type").asText()).isEqualTo("server_error");
        assertThat(object.path("message").asText()).contains("incomplete");
        assertThat(LLM_2.received()).as("no silent switch once a token was sent").isEmpty();
        Awaitility.await().atMost(3, TimeUnit.SECONDS).until(() -> LLM_1.open() == 0);
        assertThat(engineStreams.open("llm-1")).isZero();
        assertThat(get("/metrics").body()).contains("engine=\"llm-1\",model=\"wise-chat\",outcome=\"" + code + "\"}");
        assertThat(breaker.getNumberOfFailedCalls()).as("the broken answer counts against llm-1's breaker")
                .isEqualTo(failedBefore + 1);
    }

    @Test
    void closesTheEngineCallWhenTheClientGoesAway() throws Exception {
        LLM_1.always(Script.stream(400, Duration.ofMillis(50), End.DONE));
        HttpResponse<InputStream> response = stream(HELLO + ",\"stream\":true}");
        BufferedReader events = reader(response);
        for (int i = 0; i < 3; i++) {
            nextData(events);
        }
        long closed = System.nanoTime();
        response.body().close();

        Awaitility.await().atMost(3, TimeUnit.SECONDS).until(() -> LLM_1.closedEarly() == 1);
        assertThat(Duration.ofNanos(LLM_1.lastClosedAt() - closed)).as("the engine sees its connection closed")
                .isLessThan(Duration.ofMillis(1500));
        Awaitility.await().atMost(2, TimeUnit.SECONDS).until(() -> engineStreams.open("llm-1") == 0);
        Awaitility.await().atMost(2, TimeUnit.SECONDS).until(() -> get("/metrics").body().contains(
                "engine=\"llm-1\",model=\"wise-chat\",outcome=\"client_cancelled\"}"));
    }

    @Test
    void answersProblemJsonAndNoEventsWhenEveryEngineFailsBeforeTheFirstToken() throws Exception {
        LLM_1.always(Script.status(500));
        LLM_2.always(Script.status(502));

        HttpResponse<String> response = postJson(PATH, HELLO + ",\"stream\":true}");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("type").asText()).endsWith("engine-failed");
        assertThat(get("/metrics").body()).contains("engine=\"none\",model=\"wise-chat\",outcome=\"failed_before_first_token\"}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no messages|{\"model\":\"wise-chat\"}|invalid-messages",
        "empty messages|{\"messages\":[]}|invalid-messages",
        "unknown role|{\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}]}|invalid-messages",
        "empty content|{\"messages\":[{\"role\":\"user\",\"content\":\"  \"}]}|invalid-messages",
        "image part|{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{}}]}]}|invalid-messages",
        "max_tokens 0|{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":0}|invalid-max-tokens",
        "max_tokens over the bound|{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":2049}|invalid-max-tokens",
        "max_completion_tokens text|{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_completion_tokens\":\"9\"}|invalid-max-tokens",
        "temperature 3|{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":3}|invalid-temperature",
        "unknown model|{\"model\":\"gpt-9\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|invalid-model",
        "n 2|{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"n\":2}|invalid-n",
        "tools|{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[]}|unsupported-parameter",
        "stream_options without stream|{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream_options\":{}}|invalid-stream-options",
        "stream not boolean|{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":\"yes\"}|invalid-stream",
        "malformed JSON|{\"messages\":[|malformed-json"})
    void refusesBadInputBeforeAnyEngineIsCalled(String name, String body, String type) throws Exception {
        HttpResponse<String> response = postJson(PATH, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).endsWith(":" + type);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(LLM_1.received()).isEmpty();
        assertThat(LLM_2.received()).isEmpty();
    }

    @Test
    void refusesABodyOverTheCapBeforeAnyEngineIsCalled() throws Exception {
        String big = "x".repeat(2 * 1024 * 1024);
        HttpResponse<String> response = postJson(PATH,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"" + big + "\"}]}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(LLM_1.received()).isEmpty();
    }

    @Test
    void namesTheModelsInTheProblemOfAnUnknownOne() throws Exception {
        HttpResponse<String> response = postJson(PATH, "{\"model\":\"gpt-9\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(json.readTree(response.body()).path("detail").asText()).contains("wise-chat", "down-first");
    }

    @Test
    void listsTheModelAliases() throws Exception {
        HttpResponse<String> response = get("/v1/models");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(response.body());
        assertThat(list.path("object").asText()).isEqualTo("list");
        List<String> ids = new ArrayList<>();
        list.path("data").forEach(model -> ids.add(model.path("id").asText()));
        assertThat(ids).containsExactlyInAnyOrder("wise-chat", "down-first");
        assertThat(list.at("/data/0/object").asText()).isEqualTo("model");
    }

    @Test
    void recordsTimeToFirstTokenByEngineAndModel() throws Exception {
        LLM_1.always(Script.stream(2, Duration.ZERO, End.DONE));
        postJson(PATH, HELLO + ",\"stream\":true}");

        assertThat(get("/metrics").body()).containsPattern(
                "hub_chat_time_to_first_token_seconds_count\\{[^}]*engine=\"llm-1\",model=\"wise-chat\"} [1-9]");
    }

    @Test
    void runsAJsonRequestOncePerIdempotencyKeyButNeverAStream() throws Exception {
        for (int i = 0; i < 2; i++) {
            HTTP.send(request(PATH).header("Content-Type", "application/json").header("Idempotency-Key", "chat-once-1")
                    .POST(HttpRequest.BodyPublishers.ofString(HELLO + "}")).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(LLM_1.received()).hasSize(1);

        LLM_1.always(Script.stream(2, Duration.ZERO, End.DONE));
        for (int i = 0; i < 2; i++) {
            HTTP.send(request(PATH).header("Content-Type", "application/json").header("Idempotency-Key", "chat-stream-1")
                    .POST(HttpRequest.BodyPublishers.ofString(HELLO + ",\"stream\":true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(LLM_1.received()).hasSize(3);
    }

    private HttpResponse<InputStream> stream(String body) throws Exception {
        return HTTP.send(request(PATH).header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static BufferedReader reader(HttpResponse<InputStream> response) {
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    /** The next data line's value; comments and blank lines are skipped. */
    private static String nextData(BufferedReader events) throws Exception {
        String line;
        while ((line = events.readLine()) != null) {
            if (line.startsWith("data: ")) {
                return line.substring(6);
            }
        }
        throw new AssertionError("the stream ended");
    }

    private static List<String> rest(BufferedReader events) throws Exception {
        List<String> data = new ArrayList<>();
        String line;
        while ((line = events.readLine()) != null) {
            if (line.startsWith("data: ")) {
                data.add(line.substring(6));
            }
        }
        return data;
    }
}
