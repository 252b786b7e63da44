package com.wise.hub.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.wise.hub.support.RedisServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Memory per caller does not grow with the limit or the traffic: three keys per caller and feature,
 * a window of at most 60 counters, in Redis and in the per-replica fallback.
 */
class LimitMemoryTest {

    private static final RedisServer REDIS = new RedisServer().start();
    private static final RedissonClient CLIENT = client();
    private static final Instant START = Instant.parse("2025-06-01T05:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2025-06-01");

    private final SharedLimitStore store = new SharedLimitStore();

    @AfterAll
    static void stop() {
        CLIENT.shutdown();
        REDIS.stop();
    }

    @BeforeEach
    void empty() {
        CLIENT.getKeys().flushall();
    }

    @Test
    void tenThousandCallersAreThreeSmallKeysEach() {
        LimitProperties.FeatureLimit limit = LimitProperties.FeatureLimit.of(100_000, 1_000_000);
        long before = usedMemory();
        for (int caller = 0; caller < 10_000; caller++) {
            RateLimitKeys keys = RateLimitKeys.of("user:" + caller, "stt", DAY);
            for (int request = 0; request < 3; request++) {
                assertThat(admit(keys, limit, START.plusMillis(caller + request * 300L)).admitted()).isTrue();
            }
            // Checked per (tenth) caller, right away: the recent key lives 10 s of Redis's own clock, and a slow
            // machine takes longer than that for all 30,000 calls.
            if (caller % 10 == 0) {
                assertThat(CLIENT.getKeys().countExists(keys.window(), keys.day(), keys.recent())).isEqualTo(3);
            }
        }
        long keysNow = CLIENT.getKeys().count();
        long memoryNow = usedMemory();
        // Only expiry of the 10 s recent keys may have taken some away; nothing else was written.
        assertThat(keysNow).isBetween(20_000L, 30_000L);
        long perCaller = (memoryNow - before) / 10_000;
        assertThat(perCaller).as("bytes of Redis memory per caller").isLessThan(1_000);
    }

    @Test
    void aCallerAtAHundredThousandAMinuteKeepsAtMostSixtyCounters() {
        LimitProperties.FeatureLimit limit = LimitProperties.FeatureLimit.of(100_000, 0);
        RateLimitKeys keys = RateLimitKeys.of("key:school", "stt", DAY);
        // 30,000 requests spread over two minutes: the window slides all the way through.
        for (int request = 0; request < 30_000; request++) {
            assertThat(admit(keys, limit, START.plusMillis(request * 4L)).admitted()).isTrue();
        }
        assertThat(CLIENT.getMap(keys.window(), StringCodec.INSTANCE).size()).isLessThanOrEqualTo(60);
        assertThat(memoryUsage(keys.window())).as("bytes of the window key").isLessThan(2_000);
        assertThat(CLIENT.getList(keys.recent(), StringCodec.INSTANCE).size()).isEqualTo(8);
        assertThat(CLIENT.getKeys().count()).as("no daily counter: per-day is unlimited").isEqualTo(2);
    }

    @Test
    void thePerReplicaFallbackTracksABoundedNumberOfCallers() {
        LocalLimiter local = new LocalLimiter();
        Allowance perMinute = Allowance.of(100_000);
        for (int caller = 0; caller < LocalLimiter.MAX_CALLERS + 5_000; caller++) {
            assertThat(local.admit("user:" + caller + "/stt", perMinute, START).admitted()).isTrue();
        }
        assertThat(local.callers()).isEqualTo(LocalLimiter.MAX_CALLERS);
        // A minute later every tracked caller is idle and makes room for new ones.
        Instant later = START.plus(Duration.ofMinutes(2));
        assertThat(local.admit("user:new/stt", perMinute, later).admitted()).isTrue();
        assertThat(local.callers()).isEqualTo(1);
    }

    @Test
    void thePerReplicaFallbackSlidesLikeTheSharedWindow() {
        LocalLimiter local = new LocalLimiter();
        Allowance three = Allowance.of(3);
        String caller = "user:1/tts";
        assertThat(local.admit(caller, three, START).admitted()).isTrue();
        assertThat(local.admit(caller, three, START.plusSeconds(20)).admitted()).isTrue();
        assertThat(local.admit(caller, three, START.plusSeconds(40)).admitted()).isTrue();
        LimitDecision refused = local.admit(caller, three, START.plusSeconds(50));
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.untilSlot()).isEqualTo(Duration.ofSeconds(10));
        assertThat(local.admit(caller, three, START.plusSeconds(60)).admitted()).isTrue();
        LimitDecision next = local.admit(caller, three, START.plusSeconds(61));
        assertThat(next.admitted()).isFalse();
        assertThat(next.untilSlot()).isEqualTo(Duration.ofSeconds(19));
        assertThat(local.admit(caller, three, START.plusSeconds(200)).remainingWindow()).isEqualTo(2);
    }

    private LimitDecision admit(RateLimitKeys keys, LimitProperties.FeatureLimit limit, Instant now) {
        return store.admit(CLIENT, keys, limit, now, Duration.ofHours(10), now.toEpochMilli() + ":" + UUID.randomUUID());
    }

    private static long usedMemory() {
        String info = CLIENT.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_ONLY,
                "return redis.call('INFO', 'memory')", RScript.ReturnType.VALUE);
        return info.lines().filter(l -> l.startsWith("used_memory:")).mapToLong(l -> Long.parseLong(l.substring(12).trim()))
                .findFirst().orElseThrow();
    }

    private static long memoryUsage(String key) {
        Long bytes = CLIENT.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_ONLY,
                "return redis.call('MEMORY', 'USAGE', KEYS[1])", RScript.ReturnType.LONG, List.of(key));
        return bytes;
    }

    private static RedissonClient client() {
        Config config = new Config();
        config.useSingleServer().setAddress(REDIS.url());
        return Redisson.create(config);
    }
}
