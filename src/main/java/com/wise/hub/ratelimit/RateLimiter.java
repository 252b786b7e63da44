package com.wise.hub.ratelimit;

import com.wise.hub.auth.IdentityResolver;
import com.wise.hub.problem.ProblemException;
import com.wise.hub.problem.ProblemResponder;
import com.wise.hub.redis.HubRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/**
 * Admits a request against its caller's per-minute sliding window and daily quota for one feature,
 * shared by all replicas through Redis. Called by the {@code admit} route after
 * {@link IdentityResolver}. When Redis is unavailable it marks the exchange {@value #DEGRADED} so
 * the route applies a per-replica Throttle EIP instead, and the quota is not enforced (both counted).
 */
@Component("rateLimiter")
public class RateLimiter {

    /** Exchange property the capability route sets before {@code direct:admit}: stt, tts, translate, ... */
    public static final String FEATURE = "hubFeature";
    /** Exchange property set to true when Redis could not decide and the local throttle must. */
    public static final String DEGRADED = "hubRateLimitDegraded";
    /**
     * Exchange property with what the local throttle admits per {@link #LOCAL_PERIOD_SECONDS}: the
     * per-minute limit spread over the minute. Camel's Throttle EIP queues one permit object per
     * admitted request per caller, so a whole minute's allowance per caller cost memory in proportion
     * to limit × callers (500 callers at 100,000 a minute ran a 512 MB hub out of memory).
     */
    public static final String LOCAL_PER_PERIOD = "hubRateLimitLocalPerPeriod";
    /** The local throttle's period, in seconds (a sixth of the minute). */
    public static final int LOCAL_PERIOD_SECONDS = 10;
    /** Exchange property naming the feature the request was admitted for; the admit route runs once. */
    public static final String ADMITTED = "hubAdmitted";
    /**
     * Exchange property that whatever sends the request to an engine sets to true: the request then
     * keeps its quota unit even if it fails (it cost an engine call).
     */
    public static final String ENGINE_CALLED = "hubEngineCalled";

    private final HubRedis redis;
    private final LimitProperties limits;
    private final SharedLimitStore store;
    private final QuotaCalendar calendar;
    private final RateLimitMeters meters;

    RateLimiter(HubRedis redis, LimitProperties limits, SharedLimitStore store, QuotaCalendar calendar,
            RateLimitMeters meters) {
        this.redis = redis;
        this.limits = limits;
        this.store = store;
        this.calendar = calendar;
        this.meters = meters;
    }

    /**
     * Admits the exchange's request or refuses it. Admitted: the {@code X-RateLimit-*} headers are
     * set and the quota unit taken is given back should the request cost no engine call after all
     * ({@link QuotaGiveBack}). An {@code Idempotency-Key} does not change the charge.
     *
     * @throws ProblemException 429 {@code rate-limited} with {@code Retry-After} naming the limit hit
     * @throws IllegalArgumentException when {@value #FEATURE} is not a known feature
     */
    public void admit(Exchange exchange) {
        String feature = exchange.getProperty(FEATURE, String.class);
        LimitProperties.FeatureLimit limit = limits.of(feature);
        String identity = exchange.getProperty(IdentityResolver.IDENTITY, String.class);
        if (identity == null) {
            throw new IllegalStateException("rateLimiter.admit needs " + IdentityResolver.IDENTITY
                    + "; call identityResolver.resolve first");
        }
        Optional<RedissonClient> client = redis.client();
        Instant now = calendar.now();
        Duration untilMidnight = calendar.untilMidnight(now);
        RateLimitKeys keys = RateLimitKeys.of(identity, feature, calendar.day(now));
        String member = now.toEpochMilli() + ":" + UUID.randomUUID();
        LimitDecision decision;
        try {
            decision = client.isEmpty() ? null
                    : redis.call("ratelimit", () -> store.admit(client.get(), keys, limit, now, untilMidnight, member));
        } catch (RuntimeException e) {
            decision = null;
        }
        if (decision == null) {
            exchange.setProperty(ADMITTED, feature);
            degrade(exchange, feature, limit);
            return;
        }
        Map<String, String> headers = RateLimitHeaders.of(decision, limit);
        if (!decision.admitted()) {
            meters.rejected(feature, decision.rejectedBy());
            throw RateLimitProblems.rejected(feature, decision, limit, calendar.zone(), headers);
        }
        exchange.setProperty(ADMITTED, feature);
        RateLimitHeaders.writeAdmitted(exchange, headers);
        if (decision.charged()) {
            exchange.getExchangeExtension().addOnCompletion(new QuotaGiveBack(new QuotaCharge(feature, keys), this));
        }
    }

    /**
     * Returns a quota unit taken for a request that cost no engine call; a Redis failure is counted and
     * ignored.
     *
     * @param reason {@code no-engine-call} or {@code replayed}, the metric tag
     */
    void giveBack(QuotaCharge charge, String reason) {
        redis.client().ifPresent(client -> {
            try {
                // once only: DECR is not idempotent, a retry after a timeout that did run would return two units
                redis.callOnce("ratelimit-give-back", () -> {
                    store.giveBack(client, charge);
                    return null;
                });
                meters.givenBack(charge.feature(), reason);
            } catch (RuntimeException e) {
                // counted by HubRedis.call
            }
        });
    }

    private void degrade(Exchange exchange, String feature, LimitProperties.FeatureLimit limit) {
        meters.degraded(feature);
        meters.quotaFailOpen(feature);
        exchange.setProperty(DEGRADED, true);
        exchange.setProperty(LOCAL_PER_PERIOD, localAllowance(limit));
        exchange.setProperty(ProblemResponder.THROTTLE_REJECTION, RateLimitProblems.rejectedLocally(feature, limit));
    }

    /** What the local throttle admits per {@link #LOCAL_PERIOD_SECONDS}: at least 1. */
    static int localAllowance(LimitProperties.FeatureLimit limit) {
        return Math.max(1, (int) Math.ceil(limit.perMinute() * LOCAL_PERIOD_SECONDS / 60.0));
    }
}
