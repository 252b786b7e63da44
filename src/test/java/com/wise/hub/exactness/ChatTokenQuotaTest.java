package com.wise.hub.exactness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.support.FakeLlm;
import com.wise.hub.support.HubInstance;
import com.wise.hub.support.RedisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The daily token quota of chat is exact across replicas: 200 concurrent requests on two hubs sharing one Redis,
 * each reserving 100 tokens against a quota of 5,000, admit exactly 50 (the engine holds their answers, so no
 * settlement frees tokens meanwhile); the counter then settles to the usage the engine reported. A request whose
 * engines all failed gets its whole reservation back.
 */
class ChatTokenQuotaTest {

    /** 64 + 8 per message + the bytes of "hi" (74) and max_tokens 26: a reservation of 100 tokens. */
    static final String REQUEST = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":26}";
    static final String STREAM = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":26,\"stream\":true}";
    static final int QUOTA = 5000;
    static final int REQUESTS = 200;

    static RedisServer redis;
    static FakeLlm llm;
    static HubInstance a;
    static HubInstance b;
    static RedissonClient admin;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        redis = new RedisServer().start();
        llm = new FakeLlm("llm-1");
        Map<String, Object> properties = Map.of("hub.redis.url", redis.url(), "hub.auth.mode", "off",
                "LLM_ENGINE_URL", llm.url(),
                "hub.capabilities.chat.limits.per-minute", "100000", "hub.capabilities.chat.limits.per-day", "100000",
                "hub.capabilities.chat.limits.tokens-per-day", Integer.toString(QUOTA),
                "hub.engines.llm-1.max-in-flight", "256");
        a = HubInstance.start(properties, Clock.systemUTC());
        b = HubInstance.start(properties, Clock.systemUTC());
        Config config = new Config();
        config.useSingleServer().setAddress(redis.url());
        admin = Redisson.create(config);
    }

    @AfterAll
    static void stop() {
        admin.shutdown();
        a.close();
        b.close();
        llm.close();
        redis.stop();
    }

    @BeforeEach
    void fresh() {
        admin.getKeys().flushall();
        llm.reset();
    }

    @Test
    void admitsExactlyTheRequestsWhoseReservationsFitAcrossTwoReplicas() throws Exception {
        llm.hold();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            calls.add(send(i % 2 == 0 ? a : b));
        }
        // The 150 refusals answer at once; the 50 admitted wait on the engine.
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> calls.stream().filter(CompletableFuture::isDone).count()
                == REQUESTS - QUOTA / 100 && llm.received().size() == QUOTA / 100);
        assertThat(counter()).as("tokens reserved while the answers are held").isEqualTo(QUOTA);
        llm.release();

        List<HttpResponse<String>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            responses.add(call.get(30, TimeUnit.SECONDS));
        }
        assertThat(responses.stream().filter(r -> r.statusCode() == 200)).hasSize(QUOTA / 100);
        List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(refused).hasSize(REQUESTS - QUOTA / 100);
        HttpResponse<String> one = refused.get(0);
        assertThat(one.headers().firstValue("X-RateLimit-Limit-Tokens")).hasValue(Integer.toString(QUOTA));
        assertThat(one.headers().firstValue("X-RateLimit-Remaining-Tokens")).hasValue("0");
        assertThat(one.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(one.body()).path("limit").asText()).isEqualTo("tokens-per-day");
        assertThat(json.readTree(one.body()).at("/error/type").asText()).isEqualTo("rate_limit_error");
        // Each answer used 1 prompt token ("hi") and 3 completion tokens, as the fake engine reports.
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> counter() == QUOTA / 100 * 4L);
        assertThat(redisTtl()).as("every key has a TTL").isPositive();
    }

    @Test
    void refundsTheWholeReservationWhenTheEngineFails() throws Exception {
        llm.always(FakeLlm.Script.status(500));

        HttpResponse<String> response = send(a).get(30, TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(502);
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> counter() == 0);
    }

    @Test
    void settlesAStreamToItsUsageAndRefundsABrokenOne() throws Exception {
        llm.always(FakeLlm.Script.stream(5, Duration.ZERO, FakeLlm.End.DONE));
        HttpResponse<String> done = send(b, STREAM)
                .get(30, TimeUnit.SECONDS);
        assertThat(done.body()).endsWith("data: [DONE]\n\n");
        // The fake engine's usage chunk: 7 prompt tokens, 5 completion tokens.
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> counter() == 12);

        llm.always(FakeLlm.Script.stream(3, Duration.ZERO, FakeLlm.End.CUT));
        HttpResponse<String> cut = send(a, STREAM).get(30, TimeUnit.SECONDS);
        assertThat(cut.body()).contains("event: error");
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> counter() == 12);
    }

    private CompletableFuture<HttpResponse<String>> send(HubInstance hub) {
        return send(hub, REQUEST);
    }

    private CompletableFuture<HttpResponse<String>> send(HubInstance hub, String body) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long counter() {
        Iterable<String> keys = admin.getKeys().getKeysByPattern("hub:rl:*:chat:tokens:*");
        long total = 0;
        for (String key : keys) {
            String value = admin.<String>getBucket(key, StringCodec.INSTANCE).get();
            total += value == null ? 0 : Long.parseLong(value);
        }
        return total;
    }

    private static long redisTtl() {
        for (String key : admin.getKeys().getKeysByPattern("hub:rl:*:chat:tokens:*")) {
            return admin.getBucket(key).remainTimeToLive();
        }
        return -1;
    }
}
