package com.wise.hub.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wise.hub.metrics.HubMetricNames;
import com.wise.hub.support.HubInstance;
import com.wise.hub.support.MutableClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the limits must do with two hub replicas sharing one Redis deployment: exact counts under
 * concurrency, a per-replica throttle while Redis is gone, and the shared limit again once it is
 * back. Subclasses supply the Redis (a single server, a cluster).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class SharedLimitContract {

    static final int PER_MINUTE = 37;
    static final int PER_DAY = 23;
    static final int DEGRADED_PER_MINUTE = 30;
    static final int HUNDRED = 100;
    static final int THOUSAND = 1000;
    /** Accepted now that the window costs the same memory whatever the limit (it was capped at 10,000). */
    static final int HUNDRED_THOUSAND = 100_000;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-06-01T05:00:00Z"));

    static HubInstance hubA;
    static HubInstance hubB;

    /** Starts both hubs against the subclass's Redis ({@code hub.redis.*} in {@code redis}). */
    static void startHubs(Map<String, Object> redis) {
        Map<String, Object> properties = new java.util.HashMap<>(redis);
        properties.put("camel.main.routes-include-pattern",
                "file:routes/*.yaml,file:routes/shared/*.yaml,classpath:admission-test/*.yaml");
        properties.put("hub.auth.mode", "off");
        // Generous: a Redis call that times out fails open by design, and this test is about counting.
        properties.put("hub.redis.timeout", "3s");
        properties.put("hub.capabilities.tts.limits.per-minute", PER_MINUTE);
        properties.put("hub.capabilities.stt.limits.per-minute", 1000);
        properties.put("hub.capabilities.stt.limits.per-day", PER_DAY);
        properties.put("hub.capabilities.translation.limits.per-minute", DEGRADED_PER_MINUTE);
        properties.put("hub.capabilities.visemes.limits.per-minute", HUNDRED_THOUSAND);
        properties.put("hub.capabilities.visemes.limits.per-day", "unlimited");
        properties.put("hub.capabilities.phonemes.limits.per-minute", HUNDRED);
        properties.put("hub.capabilities.phonemes.limits.per-day", 0);
        properties.put("hub.capabilities.pronunciation.limits.per-minute", THOUSAND);
        properties.put("hub.capabilities.pronunciation.limits.per-day", "unlimited");
        hubA = HubInstance.start(properties, CLOCK);
        hubB = HubInstance.start(properties, CLOCK);
    }

    @AfterAll
    static void stopHubs() {
        if (hubA != null) {
            hubA.close();
        }
        if (hubB != null) {
            hubB.close();
        }
    }

    abstract void flushRedis();

    abstract void stopRedis();

    abstract void startRedis();

    @BeforeEach
    void freshLimits() {
        flushRedis();
        CLOCK.advance(Duration.ofMinutes(2));
    }

    @Test
    void exactlyThePerMinuteLimitIsAdmittedOutOf200ConcurrentRequestsOnTwoHubs() throws Exception {
        double degradedBefore = degradedOnBothHubs();
        List<Integer> statuses = burst("tts", 200);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(PER_MINUTE);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(200 - PER_MINUTE);
        assertThat(degradedOnBothHubs()).as("requests that missed Redis").isEqualTo(degradedBefore);
    }

    @Test
    void exactlyTheDailyQuotaIsAdmittedOutOf200ConcurrentRequestsOnTwoHubs() throws Exception {
        double degradedBefore = degradedOnBothHubs();
        List<Integer> statuses = burst("stt", 200);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(PER_DAY);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(200 - PER_DAY);
        assertThat(degradedOnBothHubs()).as("requests that missed Redis").isEqualTo(degradedBefore);
    }

    @Test
    void exactlyAHundredOf2000ConcurrentRequestsOnTwoHubs() throws Exception {
        List<Integer> statuses = burst("phonemes", 2000);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(HUNDRED);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(2000 - HUNDRED);
    }

    @Test
    void exactlyAThousandOf2000ConcurrentRequestsOnTwoHubs() throws Exception {
        List<Integer> statuses = burst("pronunciation", 2000);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(THOUSAND);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(2000 - THOUSAND);
    }

    @Test
    void aHundredThousandAMinuteIsALimitLikeAnyOther() throws Exception {
        HttpResponse<String> admitted = hubA.post("/test/admission/visemes").get();
        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(admitted.headers().firstValue("X-RateLimit-Limit")).hasValue("100000");
        assertThat(admitted.headers().firstValue("X-RateLimit-Remaining")).hasValue("99999");
        // per-day unlimited: no daily headers
        assertThat(admitted.headers().firstValue("X-RateLimit-Limit-Day")).isEmpty();
    }

    @Test
    void withoutRedisEachHubLimitsLocallyWithTheSameWindowAndCountsItThenTheSharedLimitReturns() throws Exception {
        stopRedis();
        try {
            double degradedBefore = count(hubA, HubMetricNames.RATELIMIT_DEGRADED);
            double failOpenBefore = count(hubA, HubMetricNames.QUOTA_FAIL_OPEN);
            List<Integer> onA = sequential(hubA, "translation", DEGRADED_PER_MINUTE + 3);
            assertThat(onA).filteredOn(s -> s == 200).hasSize(DEGRADED_PER_MINUTE);
            assertThat(onA).filteredOn(s -> s == 429).hasSize(3);
            HttpResponse<String> refused = hubA.post("/test/admission/translation").get();
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(count(hubA, HubMetricNames.RATELIMIT_DEGRADED) - degradedBefore)
                    .isEqualTo(DEGRADED_PER_MINUTE + 4);
            assertThat(count(hubA, HubMetricNames.QUOTA_FAIL_OPEN) - failOpenBefore)
                    .isEqualTo(DEGRADED_PER_MINUTE + 4);
            assertThat(count(hubA, HubMetricNames.REDIS_ERRORS)).isPositive();
            // Per replica: the other hub has its own allowance while Redis is gone.
            assertThat(sequential(hubB, "translation", DEGRADED_PER_MINUTE + 3))
                    .filteredOn(s -> s == 200).hasSize(DEGRADED_PER_MINUTE);
        } finally {
            startRedis();
        }
        for (HubInstance hub : List.of(hubA, hubB)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    hub.post("/test/admission/visemes").get().headers().firstValue("X-RateLimit-Remaining").isPresent());
        }
        flushRedis();
        double degradedBefore = degradedOnBothHubs();
        List<Integer> statuses = burst("translation", 200);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(DEGRADED_PER_MINUTE);
        assertThat(degradedOnBothHubs()).as("requests that missed Redis").isEqualTo(degradedBefore);
    }

    /** {@code total} concurrent requests, alternating between the two hubs; their statuses. */
    static List<Integer> burst(String feature, int total) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            calls.add((i % 2 == 0 ? hubA : hubB).post("/test/admission/" + feature));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            statuses.add(call.get().statusCode());
        }
        return statuses;
    }

    static List<Integer> sequential(HubInstance hub, String feature, int total) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            statuses.add(hub.post("/test/admission/" + feature).get().statusCode());
        }
        return statuses;
    }

    static double degradedOnBothHubs() {
        return count(hubA, HubMetricNames.RATELIMIT_DEGRADED) + count(hubB, HubMetricNames.RATELIMIT_DEGRADED);
    }

    static double count(HubInstance hub, String meter) {
        return hub.bean(MeterRegistry.class).find(meter).counters().stream().mapToDouble(Counter::count).sum();
    }
}
