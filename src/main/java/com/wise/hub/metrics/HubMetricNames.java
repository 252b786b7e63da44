package com.wise.hub.metrics;

/**
 * Names of the hub's own meters, in one place so dashboards and alert rules have one source.
 * Micrometer names use dots; Prometheus shows them with underscores and the {@code _total} or
 * {@code _seconds} suffix (for example {@code hub.http.requests} is {@code hub_http_requests_seconds}).
 */
public final class HubMetricNames {

    public static final String PREFIX = "hub.";

    /** Timer of HTTP requests; tags method, endpoint (route template), status. */
    public static final String HTTP_REQUESTS = PREFIX + "http.requests";
    /** Counter of requests refused because the replica served {@code hub.max-in-flight} already. */
    public static final String HTTP_SHED = PREFIX + "http.shed";
    /** Gauge of requests being served by this replica. */
    public static final String HTTP_IN_FLIGHT = PREFIX + "http.in.flight";
    /** Counter of failed Redis operations (each one failed open); tags operation, reason (timeout, unreachable, error). */
    public static final String REDIS_ERRORS = PREFIX + "redis.errors";
    /** Counter of Redis operations retried once after a timeout while Redis answered its probe; tag operation. */
    public static final String REDIS_RETRIES = PREFIX + "redis.retries";
    /** Gauge per dependency, 1 when the last background probe succeeded; tag dependency. */
    public static final String DEPENDENCY_UP = PREFIX + "dependency.up";
    /** Counter of engine calls (HTTP engines and Triton targets), skipped ones included; tags engine, outcome ({@code ok}, {@code 5xx}, {@code timeout}, ...). */
    public static final String ENGINE_REQUESTS = PREFIX + "engine.requests";
    /** Timer (histogram) of engine calls that reached the engine; tag engine. */
    public static final String ENGINE_REQUEST_DURATION = PREFIX + "engine.request.duration";
    /** Counter of moves from one engine to the next within a request; tags capability, from, to. */
    public static final String ENGINE_FAILOVERS = PREFIX + "engine.failovers";

    /** Counter of seconds of audio scored by the pronunciation route ({@code hub_pronunciation_audio_seconds_total}). */
    public static final String PRONUNCIATION_AUDIO = PREFIX + "pronunciation.audio";
    /** Counter of cache lookups; tags kind (translate, phonemes, tts, visemes) and result (hit, miss, bypass). */
    public static final String CACHE_REQUESTS = PREFIX + "cache.requests";
    /** Counter of requests carrying an Idempotency-Key; tag outcome (new, replayed, conflict, mismatch, bypass). */
    public static final String IDEMPOTENCY_REQUESTS = PREFIX + "idempotency.requests";

    /** Counter of requests refused with 429 by a shared limit; tags feature, limit (per-minute, per-day). */
    public static final String RATELIMIT_REJECTED = PREFIX + "ratelimit.rejected";
    /** Counter of requests limited only by the per-replica throttle while Redis was unavailable; tag feature. */
    public static final String RATELIMIT_DEGRADED = PREFIX + "ratelimit.degraded";
    /** Counter of requests admitted without a daily-quota check while Redis was unavailable; tag feature. */
    public static final String QUOTA_FAIL_OPEN = PREFIX + "quota.fail.open";
    /** Counter of daily-quota units given back because the request cost no engine call; tags feature, reason. */
    public static final String QUOTA_GIVEN_BACK = PREFIX + "quota.given.back";
    /** Counter of reserved LLM tokens returned to the daily token quota at settlement; tag feature. */
    public static final String QUOTA_TOKENS_REFUNDED = PREFIX + "quota.tokens.refunded";

    /** Timer (histogram) of the time from a chat request's arrival to its first streamed event; tags engine, model. */
    public static final String CHAT_TIME_TO_FIRST_TOKEN = PREFIX + "chat.time.to.first.token";
    /** Counter of LLM tokens used as the engines reported them; tags kind (prompt, completion), engine, model. */
    public static final String CHAT_TOKENS = PREFIX + "chat.tokens";
    /**
     * Counter of chat streams by how they ended; tags outcome (completed, client_cancelled, engine_cut, stalled,
     * too_long, failed_before_first_token), engine (none when no engine's stream began), model.
     */
    public static final String CHAT_STREAMS = PREFIX + "chat.streams";
    /** Gauge of chat streams being relayed to clients by this replica. */
    public static final String CHAT_ACTIVE_STREAMS = PREFIX + "chat.active.streams";

    /** Counter of failed credentials and of requests refused for too many; tag reason (invalid-api-key, invalid-token, blocked). */
    public static final String AUTH_FAILURES = PREFIX + "auth.failures";

    private HubMetricNames() {
    }
}
