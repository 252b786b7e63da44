package com.wise.hub.ratelimit;

import com.wise.hub.request.RequestContext;
import com.wise.hub.auth.IdentityResolver;
import com.wise.hub.problem.ProblemException;
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
 * shared by all replicas through Redis, with the limits of the caller's plan. Called by the
 * {@code admit} route after {@link IdentityResolver}. When Redis is unavailable the per-minute limit
 * holds per replica ({@link LocalLimiter}, the same algorithm) and the daily quota is not enforced
 * (both counted).
 */
@Component("rateLimiter")
public class RateLimiter {


    private final HubRedis redis;
    private final LimitProperties limits;
    private final SharedLimitStore store;
    private final LocalLimiter local;
    private final QuotaCalendar calendar;
    private final RateLimitMeters meters;

    RateLimiter(HubRedis redis, LimitProperties limits, SharedLimitStore store, LocalLimiter local,
            QuotaCalendar calendar, RateLimitMeters meters) {
        this.redis = redis;
        this.limits = limits;
        this.store = store;
        this.local = local;
        this.calendar = calendar;
        this.meters = meters;
    }

    /**
     * Admits the exchange's request or refuses it. Admitted: the {@code X-RateLimit-*} headers of the
     * limits that apply are set, and the quota unit taken is given back should the request cost no
     * engine call after all ({@link QuotaGiveBack}). An {@code Idempotency-Key} does not change the
     * charge. A feature whose limits are both unlimited for the caller's plan costs no Redis call.
     *
     * @throws ProblemException 429 {@code rate-limited} with {@code Retry-After} naming the limit hit
     * @throws IllegalArgumentException when {@value RequestContext#CAPABILITY} is not a known feature
     */
    public void admit(Exchange exchange) {
        String feature = exchange.getProperty(RequestContext.CAPABILITY, String.class);
        String identity = exchange.getProperty(RequestContext.IDENTITY, String.class);
        if (identity == null) {
            throw new IllegalStateException("rateLimiter.admit needs " + RequestContext.IDENTITY
                    + "; call identityResolver.resolve first");
        }
        LimitProperties.FeatureLimit limit = limits.of(feature, exchange.getProperty(RequestContext.PLAN, String.class));
        if (limit.unlimited()) {
            exchange.setProperty(RequestContext.ADMITTED, feature);
            return;
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
            admitLocally(exchange, feature, identity, limit, now);
            return;
        }
        Map<String, String> headers = RateLimitHeaders.of(decision, limit);
        if (!decision.admitted()) {
            meters.rejected(feature, decision.rejectedBy());
            throw RateLimitProblems.rejected(feature, decision, limit, calendar.zone(), headers);
        }
        exchange.setProperty(RequestContext.ADMITTED, feature);
        RateLimitHeaders.writeAdmitted(exchange, headers);
        if (decision.charged()) {
            exchange.getExchangeExtension().addOnCompletion(new QuotaGiveBack(new QuotaCharge(feature, keys), this));
        }
    }

    /**
     * Redis could not decide: the per-minute limit on this replica alone, no daily quota. Admitted
     * requests carry no {@code X-RateLimit-*} headers (no replica knows the shared count).
     */
    private void admitLocally(Exchange exchange, String feature, String identity, LimitProperties.FeatureLimit limit,
            Instant now) {
        meters.degraded(feature);
        if (!limit.perDay().unlimited()) {
            meters.quotaFailOpen(feature);
        }
        if (!limit.perMinute().unlimited()) {
            LimitDecision decision = local.admit(identity + "/" + feature, limit.perMinute(), now);
            if (!decision.admitted()) {
                meters.rejected(feature, decision.rejectedBy());
                throw RateLimitProblems.rejectedLocally(feature, decision, limit);
            }
        }
        exchange.setProperty(RequestContext.ADMITTED, feature);
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
}
