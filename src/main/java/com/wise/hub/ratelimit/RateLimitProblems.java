package com.wise.hub.ratelimit;

import com.wise.hub.problem.ProblemException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/** The 429 problems the limiter answers, each naming the limit that was hit and when to retry. */
final class RateLimitProblems {

    private RateLimitProblems() {
    }

    static ProblemException rejected(String feature, LimitDecision decision, LimitProperties.FeatureLimit limit,
            ZoneId zone, Map<String, String> headers) {
        boolean daily = decision.rejectedBy() == LimitDecision.Limit.PER_DAY;
        Duration wait = daily ? decision.untilMidnight() : decision.untilSlot();
        String detail = daily
                ? "The daily quota of " + limit.perDay() + " " + feature + " requests is used up; it resets at "
                        + "midnight " + zone + ", in " + RateLimitHeaders.seconds(wait) + " s."
                : "More than " + limit.perMinute() + " " + feature + " requests in one minute; a slot frees in "
                        + RateLimitHeaders.seconds(wait) + " s.";
        ProblemException problem = tooMany(feature, decision.rejectedBy(), detail, wait);
        headers.forEach(problem::header);
        return problem;
    }

    /** The 429 of the per-replica limit while Redis is unavailable: no daily quota, no shared count. */
    static ProblemException rejectedLocally(String feature, LimitDecision decision, LimitProperties.FeatureLimit limit) {
        return tooMany(feature, LimitDecision.Limit.PER_MINUTE, "More than " + limit.perMinute() + " " + feature
                + " requests in one minute; a slot frees in " + RateLimitHeaders.seconds(decision.untilSlot())
                + " s.", decision.untilSlot())
                .header("X-RateLimit-Limit", limit.perMinute().toString())
                .header("X-RateLimit-Remaining", "0")
                .header("X-RateLimit-Reset", Long.toString(RateLimitHeaders.seconds(decision.untilSlot())));
    }

    private static ProblemException tooMany(String feature, LimitDecision.Limit limit, String detail, Duration wait) {
        return new ProblemException(429, "rate-limited", "Rate limit exceeded", detail)
                .retryAfter(wait)
                .extension("limit", limit.label())
                .extension("feature", feature)
                .extension("retryAfterSeconds", Math.max(1, RateLimitHeaders.seconds(wait)));
    }
}
