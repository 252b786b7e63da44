package com.wise.hub.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.wise.hub.cache.CanonicalRequest;
import com.wise.hub.metrics.HubMetricNames;
import com.wise.hub.redis.HubRedis;
import com.wise.hub.redis.RedisProperties;
import com.wise.hub.support.RedisReadiness;
import com.wise.hub.support.RedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.util.unit.DataSize;

/** The idempotentConsumer's Redis repository against a real redis-server. */
class RedisIdempotentRepositoryTest {

    private static final RedisServer server = new RedisServer();
    private static final String KEY = "hub:idempotency:{test}";
    private static RedissonClient admin;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private HubRedis redis;
    private RedisIdempotentRepository repository;

    @BeforeAll
    static void startRedis() {
        server.start();
        Config config = new Config();
        config.useSingleServer().setAddress(server.url());
        admin = Redisson.create(config);
    }

    @AfterAll
    static void stopRedis() {
        admin.shutdown();
        server.stop();
    }

    @BeforeEach
    void connect() {
        admin.getKeys().flushall();
        redis = new HubRedis(new RedisProperties(server.url(), RedisProperties.Mode.single, null,
                Duration.ofMillis(100), Duration.ofSeconds(1), 64, 0, Duration.ZERO), meters);
        RedisReadiness.awaitAnswering(redis);
        repository = new RedisIdempotentRepository(new IdempotencyProperties(true, Duration.ofHours(24),
                Duration.ofMinutes(2), Duration.ofSeconds(1), DataSize.ofKilobytes(1)), redis,
                new IdempotencyOutcomes(meters));
    }

    @AfterEach
    void disconnect() {
        redis.destroy();
    }

    @Test
    void theFirstAddClaimsTheKeyForTheInFlightTtlAndLaterAddsAreDuplicates() {
        assertThat(repository.add(exchange("hello"), KEY)).isTrue();
        assertThat(repository.add(exchange("hello"), KEY)).isFalse();

        assertThat(repository.find(KEY)).hasValueSatisfying(r -> assertThat(r.inFlight()).isTrue());
        assertThat(admin.getKeys().remainTimeToLive(KEY))
                .isBetween(Duration.ofMinutes(1).toMillis(), Duration.ofMinutes(2).toMillis());
        assertThat(outcome("new")).isEqualTo(1);
    }

    @Test
    void confirmKeepsAReplayableResponseFor24Hours() {
        Exchange first = exchange("hello");
        repository.add(first, KEY);
        respond(first, 200, "{\"translatedText\":\"xin chào\"}");

        assertThat(repository.confirm(first, KEY)).isTrue();

        IdempotencyRecord record = repository.find(KEY).orElseThrow();
        assertThat(record.inFlight()).isFalse();
        assertThat(record.fingerprint()).isEqualTo(IdempotencyKeys.fingerprint(exchange("hello")));
        assertThat(new String(record.response().body(), StandardCharsets.UTF_8)).contains("xin chào");
        assertThat(record.response().headers()).containsEntry("X-Engine", "translate-1");
        assertThat(admin.getKeys().remainTimeToLive(KEY))
                .isBetween(Duration.ofHours(23).toMillis(), Duration.ofHours(24).toMillis());
    }

    @Test
    void failedOrTransientResponsesFreeTheKeySoARetryRunsAgain() {
        for (int status : new int[] {502, 503, 429, 409}) {
            Exchange first = exchange("hello");
            assertThat(repository.add(first, KEY)).isTrue();
            respond(first, status, "{}");

            assertThat(repository.confirm(first, KEY)).isFalse();
            assertThat(repository.find(KEY)).as("status %d", status).isEmpty();
        }
    }

    @Test
    void aResponseOverTheMaximumIsNotKept() {
        Exchange first = exchange("hello");
        repository.add(first, KEY);
        respond(first, 200, "x".repeat(1025));

        assertThat(repository.confirm(first, KEY)).isFalse();
        assertThat(repository.find(KEY)).isEmpty();
        assertThat(first.getMessage().getBody(String.class)).hasSize(1025);
    }

    @Test
    void aDuplicateNeverChangesTheRecordItWasComparedWith() {
        repository.add(exchange("hello"), KEY);
        Exchange duplicate = exchange("hello");
        assertThat(repository.add(duplicate, KEY)).isFalse();
        duplicate.setProperty(Exchange.DUPLICATE_MESSAGE, true);
        respond(duplicate, 409, "{}");

        assertThat(repository.confirm(duplicate, KEY)).isFalse();
        assertThat(repository.remove(duplicate, KEY)).isFalse();
        assertThat(repository.find(KEY)).hasValueSatisfying(r -> assertThat(r.inFlight()).isTrue());
    }

    @Test
    void removeFreesTheKeyAndClearLeavesOtherRecordsAlone() {
        Exchange first = exchange("hello");
        repository.add(first, KEY);
        repository.add(exchange("other"), "hub:idempotency:{other}");

        assertThat(repository.remove(first, KEY)).isTrue();
        repository.clear();

        assertThat(repository.contains(KEY)).isFalse();
        assertThat(repository.contains("hub:idempotency:{other}")).isTrue();
    }

    @Test
    void whenRedisIsDownTheRequestRunsWithoutIdempotencyAndItIsCounted() {
        server.stop();
        try {
            Exchange first = exchange("hello");
            assertThat(repository.add(first, KEY)).isTrue();
            respond(first, 200, "{}");
            assertThat(repository.confirm(first, KEY)).isFalse();

            assertThat(first.getProperty(RedisIdempotentRepository.SKIPPED)).isEqualTo(true);
            assertThat(meters.find(HubMetricNames.REDIS_ERRORS).tag("operation", "idempotency-add").counter().count())
                    .isEqualTo(1);
            assertThat(meters.find(HubMetricNames.REDIS_ERRORS).tag("operation", "idempotency-confirm").counter())
                    .isNull();
            assertThat(outcome("bypass")).isEqualTo(1);
        } finally {
            server.start();
        }
    }

    private Exchange exchange(String text) {
        Exchange exchange = new DefaultExchange(camel);
        CanonicalRequest.describe(exchange, Map.of("text", text));
        return exchange;
    }

    private static void respond(Exchange exchange, int status, String body) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader("X-Engine", "translate-1");
        exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
    }

    private double outcome(String outcome) {
        var counter = meters.find(HubMetricNames.IDEMPOTENCY_REQUESTS).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
