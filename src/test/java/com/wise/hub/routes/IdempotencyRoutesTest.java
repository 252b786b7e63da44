package com.wise.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.wise.hub.cache.CanonicalRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** routes/idempotency.yaml: the idempotentConsumer EIP on the Redis repository, around a counting capability. */
class IdempotencyRoutesTest extends FakeCapabilityOnRedisTest {

    @Test
    void aRetryGetsTheFirstResponseReplayed() {
        Exchange first = send("key-1", "hello", null);
        Exchange retry = send("key-1", "hello", null);

        assertThat(body(first)).isEqualTo("answer 1");
        assertThat(body(retry)).isEqualTo("answer 1");
        assertThat(retry.getMessage().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getMessage().getHeader("X-Engine")).isEqualTo("fake-1");
        assertThat(retry.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("text/plain");
        assertThat(first.getMessage().getHeader("Idempotent-Replayed")).isNull();
        assertThat(FakeCapability.calls).hasValue(1);
    }

    @Test
    void theSameKeyWithADifferentRequestIs422() {
        send("key-1", "hello", null);
        Exchange changed = send("key-1", "goodbye", null);

        assertThat(status(changed)).isEqualTo(422);
        assertThat(changed.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(body(changed)).contains("idempotency-key-reused");
        assertThat(FakeCapability.calls).hasValue(1);
    }

    @Test
    void aDuplicateWhileTheFirstRunsIs409WithRetryAfter() throws Exception {
        FakeCapability.gate = new CountDownLatch(1);
        CompletableFuture<Exchange> first = CompletableFuture.supplyAsync(() -> send("key-1", "hello", null));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> FakeCapability.calls.get() == 1);

        Exchange duplicate = send("key-1", "hello", null);
        FakeCapability.gate.countDown();

        assertThat(status(duplicate)).isEqualTo(409);
        assertThat(duplicate.getMessage().getHeader("Retry-After")).isEqualTo("1");
        assertThat(body(duplicate)).contains("idempotency-in-progress");
        assertThat(body(first.get(30, TimeUnit.SECONDS))).isEqualTo("answer 1");
        assertThat(body(send("key-1", "hello", null))).isEqualTo("answer 1");
        assertThat(FakeCapability.calls).hasValue(1);
    }

    @Test
    void aFailedFirstRequestIsRunAgainOnRetry() {
        Exchange failed = send("key-1", "hello", "502");
        Exchange retry = send("key-1", "hello", null);

        assertThat(status(failed)).isEqualTo(502);
        assertThat(status(retry)).isEqualTo(200);
        assertThat(retry.getMessage().getHeader("Idempotent-Replayed")).isNull();
        assertThat(FakeCapability.calls).hasValue(2);
    }

    @Test
    void withoutAKeyEveryRequestRuns() {
        send(null, "hello", null);
        send(null, "hello", null);

        assertThat(FakeCapability.calls).hasValue(2);
        assertThat(admin.getKeys().count()).isZero();
    }

    @Test
    void keysBelongToOneIdentity() {
        send("key-1", "hello", null, "alice");
        Exchange bob = send("key-1", "hello", null, "bob");

        assertThat(bob.getMessage().getHeader("Idempotent-Replayed")).isNull();
        assertThat(FakeCapability.calls).hasValue(2);
    }

    @Test
    void malformedKeysAre400() {
        for (String key : new String[] {"", "has space", "x".repeat(256), "caf\u00e9"}) {
            Exchange rejected = send(key, "hello", null);

            assertThat(status(rejected)).as("key '%s'", key).isEqualTo(400);
            assertThat(body(rejected)).contains("invalid-idempotency-key");
        }
        assertThat(send("x".repeat(255), "hello", null).getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(FakeCapability.calls).hasValue(1);
    }

    @Test
    void anInnerCallOfTheAnswerRouteDoesNotClaimTheKey() {
        // As pronunciation asks for phonemes: inside its own request, straight to direct:<capability>-answer.
        Exchange inner = template.send("direct:fake-answer", exchange -> describe(exchange, "key-1", "hello", null, null));

        assertThat(body(inner)).isEqualTo("answer 1");
        assertThat(admin.getKeys().getKeysStream().filter(key -> key.startsWith("hub:idempotency:")).toList()).isEmpty();
    }

    @Test
    void whenRedisIsDownTheRequestRunsWithoutIdempotency() {
        redis.stop();
        try {
            Exchange during = send("key-1", "hello", null);
            assertThat(status(during)).isEqualTo(200);
            assertThat(body(during)).isEqualTo("answer 1");
        } finally {
            redis.start();
        }
        Awaitility.await("idempotency recovers by itself").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "true".equals(send("key-2", "hello", null).getMessage().getHeader("Idempotent-Replayed")));
    }

    private Exchange send(String key, String text, String fail) {
        return send(key, text, fail, null);
    }

    private Exchange send(String key, String text, String fail, String identity) {
        return template.send("direct:fake", exchange -> describe(exchange, key, text, fail, identity));
    }

    private static void describe(Exchange exchange, String key, String text, String fail, String identity) {
        CanonicalRequest.describe(exchange, Map.of("text", text));
        // Past the cache, so every run that is not a replay reaches the fake engine.
        exchange.getMessage().setHeader("Cache-Control", "no-store");
        // Admitted by the test: the pipeline's admission step sees it and steps aside.
        exchange.setProperty("hubAdmitted", "chat");
        exchange.setProperty("hubIdentity", "user:test");
        if (identity != null) {
            exchange.setProperty("hubIdentity", identity);
        }
        if (key != null) {
            exchange.getMessage().setHeader("Idempotency-Key", key);
        }
        if (fail != null) {
            exchange.getMessage().setHeader("X-Fake-Fail", fail);
        }
    }

    private static int status(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
    }

    private static String body(Exchange exchange) {
        return exchange.getMessage().getBody(String.class);
    }
}
