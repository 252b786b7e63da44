package com.wise.hub.ratelimit;

import com.wise.hub.metrics.HubMetricNames;
import com.wise.hub.problem.ProblemException;
import com.wise.hub.redis.HubRedis;
import com.wise.hub.redis.LuaScript;
import com.wise.hub.request.RequestContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * The daily token quota of a capability that calls an LLM ({@code hub.capabilities.<name>.limits.tokens-per-day},
 * per plan as the other limits), shared by all replicas through Redis. A request reserves its most
 * ({@value #TOKEN_BOUND}: the prompt's bound plus max_tokens) before any engine is called, in one atomic script,
 * so N concurrent requests on any number of replicas never reserve more than the quota; its answer's end settles
 * the reservation to the real usage ({@link TokenReservation}). Tokens are charged before the answer, not after it,
 * so no single request can overshoot the budget.
 *
 * <p>Without Redis the quota is not enforced (counted in {@code hub_quota_fail_open_total}, as the daily request
 * quota): a replica alone cannot know what the others used.
 */
@Component("tokenQuota")
public class TokenQuota {

    /** Exchange property, {@code Long}: the most tokens the request can cost; set by the capability's request bean. */
    public static final String TOKEN_BOUND = "hubTokenBound";
    /** Exchange property, {@link TokenReservation}: what {@link #reserve} took. */
    public static final String RESERVATION = "hubTokenReservation";
    /** Exchange property, {@code Long}: the tokens a JSON answer used, set by the capability's answer bean. */
    public static final String USED = "hubTokensUsed";

    private final String reserveScript = LuaScript.load("ratelimit/tokens-reserve.lua");
    private final String settleScript = LuaScript.load("ratelimit/tokens-settle.lua");
    private final HubRedis redis;
    private final LimitProperties limits;
    private final QuotaCalendar calendar;
    private final RateLimitMeters meters;
    private final MeterRegistry registry;

    TokenQuota(HubRedis redis, LimitProperties limits, QuotaCalendar calendar, RateLimitMeters meters,
            MeterRegistry registry) {
        this.redis = redis;
        this.limits = limits;
        this.calendar = calendar;
        this.meters = meters;
        this.registry = registry;
    }

    /**
     * Reserves the request's {@value #TOKEN_BOUND} tokens from the caller's quota of the capability; sets the
     * {@code X-RateLimit-*-Tokens} headers and {@value #RESERVATION}. The reservation is refunded whole when the
     * exchange fails, answers 4xx or 5xx, or replays a stored answer; a JSON answer settles it to {@value #USED}.
     *
     * @throws ProblemException 429 {@code rate-limited} (limit {@code tokens-per-day}) when it does not fit
     */
    public void reserve(Exchange exchange) {
        String feature = exchange.getProperty(RequestContext.CAPABILITY, String.class);
        String identity = exchange.getProperty(RequestContext.IDENTITY, String.class);
        long want = exchange.getProperty(TOKEN_BOUND, Long.class);
        LimitProperties.FeatureLimit limit = limits.of(feature, exchange.getProperty(RequestContext.PLAN, String.class));
        Allowance quota = limit.tokensPerDay();
        if (quota.unlimited() || identity == null) {
            return;
        }
        Optional<RedissonClient> client = redis.client();
        Instant now = calendar.now();
        Duration untilMidnight = calendar.untilMidnight(now);
        String key = RateLimitKeys.PREFIX + "{" + identity + "}:" + feature + ":tokens:" + calendar.day(now);
        long ttl = untilMidnight.plus(SharedLimitStore.WINDOW).toMillis();
        List<Object> reply;
        try {
            // Once only: INCRBY is not idempotent, a retry after a lost reply would reserve twice.
            reply = client.isEmpty() ? null : redis.callOnce("ratelimit-tokens",
                    () -> client.get().getScript(StringCodec.INSTANCE).eval(key, RScript.Mode.READ_WRITE,
                            reserveScript, RScript.ReturnType.LIST, List.of(key), Long.toString(want),
                            Long.toString(quota.value()), Long.toString(ttl)));
        } catch (RuntimeException e) {
            reply = null;
        }
        if (reply == null) {
            meters.quotaFailOpen(feature);
            return;
        }
        boolean reserved = ((Number) reply.get(0)).longValue() == 1;
        long used = ((Number) reply.get(1)).longValue();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit-Tokens", quota.toString());
        headers.put("X-RateLimit-Remaining-Tokens", Long.toString(Math.max(0, quota.value() - used)));
        headers.put("X-RateLimit-Reset-Tokens", Long.toString(RateLimitHeaders.seconds(untilMidnight)));
        if (!reserved) {
            meters.rejected(feature, LimitDecision.Limit.TOKENS_PER_DAY);
            throw rejected(feature, want, quota, used, untilMidnight, headers);
        }
        RateLimitHeaders.writeAdmitted(exchange, headers);
        TokenReservation reservation = new TokenReservation(this, feature, key, want);
        exchange.setProperty(RESERVATION, reservation);
        exchange.getExchangeExtension().addOnCompletion(new SettleOnDone(reservation));
    }

    /** Adds {@code delta} tokens (negative: a refund) to the counter; a Redis failure is counted and ignored. */
    void settle(String feature, String key, long delta) {
        if (delta == 0) {
            return;
        }
        redis.client().ifPresent(client -> {
            try {
                long ttl = calendar.untilMidnight(calendar.now()).plus(SharedLimitStore.WINDOW).toMillis();
                redis.callOnce("ratelimit-tokens-settle", () -> client.getScript(StringCodec.INSTANCE).eval(key,
                        RScript.Mode.READ_WRITE, settleScript, RScript.ReturnType.LONG, List.of(key),
                        Long.toString(delta), Long.toString(ttl)));
                if (delta < 0) {
                    Counter.builder(HubMetricNames.QUOTA_TOKENS_REFUNDED)
                            .description("Reserved tokens returned to the daily token quota: the answer used fewer "
                                    + "than its most, or none because the engine failed")
                            .tag("feature", feature).register(registry).increment(-delta);
                }
            } catch (RuntimeException e) {
                // counted by HubRedis.callOnce
            }
        });
    }

    private static ProblemException rejected(String feature, long want, Allowance quota, long used,
            Duration untilMidnight, Map<String, String> headers) {
        long left = Math.max(0, quota.value() - used);
        String detail = want > quota.value()
                ? "This request may use up to " + want + " tokens (its messages and max_tokens), more than the daily "
                        + "quota of " + quota + " " + feature + " tokens; lower max_tokens or shorten the messages."
                : "This request may use up to " + want + " tokens (its messages and max_tokens) and " + left + " of "
                        + "today's " + quota + " " + feature + " tokens are left; lower max_tokens, or retry after "
                        + "midnight, in " + RateLimitHeaders.seconds(untilMidnight) + " s.";
        ProblemException problem = new ProblemException(429, "rate-limited", "Rate limit exceeded", detail)
                .retryAfter(untilMidnight)
                .extension("limit", LimitDecision.Limit.TOKENS_PER_DAY.label())
                .extension("feature", feature)
                .extension("tokensRequested", want)
                .extension("tokensRemaining", left)
                .extension("retryAfterSeconds", Math.max(1, RateLimitHeaders.seconds(untilMidnight)));
        headers.forEach(problem::header);
        return problem;
    }

    /**
     * After the response: refunds the reservation of a request that failed, was answered with an error or by a
     * replay, and settles a JSON answer to its usage (or leaves the reservation charged when the engine reported
     * none). A stream settles itself when it ends.
     */
    private static final class SettleOnDone extends SynchronizationAdapter {

        private final TokenReservation reservation;

        SettleOnDone(TokenReservation reservation) {
            this.reservation = reservation;
        }

        @Override
        public void onDone(Exchange exchange) {
            if (reservation.handedOver()) {
                return;
            }
            Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            if (exchange.isFailed() || status != null && status >= 400
                    || Boolean.TRUE.equals(exchange.getProperty(RequestContext.REPLAYED, Boolean.class))) {
                reservation.refund();
                return;
            }
            Long used = exchange.getProperty(USED, Long.class);
            reservation.settle(used != null ? used : reservation.reserved());
        }
    }
}
