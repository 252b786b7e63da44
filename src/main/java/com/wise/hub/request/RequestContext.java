package com.wise.hub.request;

/**
 * The names of the exchange properties that carry one request through the pipeline
 * (routes/shared/pipeline.yaml), the one list that routes and beans agree on. Each entry says what the
 * value is, who sets it and who reads it. A capability's own beans keep their private properties (the
 * checked request, such as {@code hubSpeech}) next to themselves; everything shared is here.
 */
public final class RequestContext {

    // Who is asking (routes/shared/admission.yaml)

    /** {@code VerifiedUser}: the caller, set by identityResolver; read by limits and idempotency. */
    public static final String IDENTITY = "hubIdentity";
    /** {@code String}, optional: the caller's plan (the identity backend's or the API key's); read by rateLimiter. */
    public static final String PLAN = "hubPlan";

    // What is being served (pipeline.yaml)

    /**
     * {@code String}: the capability being served, a name under {@code hub.capabilities}; set by both pipeline
     * templates (the outer route, then each answer route, so an inner lookup such as pronunciation's phonemes
     * has its own). Read by admission, idempotency, the cache (its kind) and engine-failover (its engines).
     */
    public static final String CAPABILITY = "hubCapability";
    /** {@code String}: the capability the request was admitted and charged for; set by rateLimiter.admit. */
    public static final String ADMITTED = "hubAdmitted";
    /** {@code Boolean}: true once the request cost an engine call (it keeps its quota unit); set by engine-failover. */
    public static final String ENGINE_CALLED = "hubEngineCalled";
    /** {@code String}: hex SHA-256 of the checked request (CanonicalRequest.describe); names it for cache and idempotency. */
    public static final String REQUEST_HASH = "hubRequestHash";

    // Idempotency-Key (pipeline.yaml, capability template)

    /** {@code String}, optional: the Redis key of this request's Idempotency-Key; set by idempotencyKeys.resolve. */
    public static final String IDEMPOTENCY_KEY = "hubIdempotencyKey";
    /** {@code Boolean}: true when the answer is a stored one replayed; set by idempotentReplay.replay. */
    public static final String REPLAYED = "hubIdempotentReplayed";

    // Cache (pipeline.yaml, capability-answer template)

    /**
     * {@code Boolean}, optional: true when this request's answer must not come from or go to the cache although its
     * capability has a cache-ttl (chat: a stream, or a temperature above 0); set by the capability's request bean.
     */
    public static final String NOT_CACHEABLE = "hubNotCacheable";
    /** {@code Boolean}: true when responseCache.lookup answered from the cache. */
    public static final String CACHE_HIT = "hubCacheHit";

    // The engine chain (routes/shared/engine-failover.yaml)

    /** {@code String}, optional: the request's language (ISO-639-1), the key of {@code engines-by-language}. */
    public static final String LANGUAGE = "hubLanguage";
    /** {@code String}, optional: the request's voice, the key of {@code engines-by-voice}. */
    public static final String VOICE = "hubVoice";
    /** {@code String}, optional: the request's model, the key of {@code engines-by-model}. */
    public static final String MODEL = "hubModel";
    /** {@code String}: the path the engine request goes to, e.g. {@code /translate}; set by the capability's engine route. */
    public static final String ENGINE_PATH = "hubEnginePath";
    /** {@code String}: what a usable answer is ({@code json}, {@code audio}, {@code text}); set by the engine route. */
    public static final String ENGINE_ANSWER = "hubEngineAnswer";
    /**
     * {@code List<String>}, optional: the engines to call in this order instead of the declaration's (chat: the
     * engines of the model alias the client named); set by the capability's request bean, read by engine-failover.
     */
    public static final String ENGINE_CHAIN = "hubEngineChain";
    /**
     * {@code Map<String, byte[]>}, optional: the request to send each engine, by engine id, when it differs per
     * engine (chat: each engine's model name); set by the capability's bean, read by engineRequest.prepare.
     */
    public static final String ENGINE_BODIES = "hubEngineBodies";
    /**
     * {@code EventStreamOptions}, optional: the engine answers with Server-Sent Events, relayed to the client as
     * they come (chat with {@code stream: true}); set by the capability's bean, read by engine-call.
     */
    public static final String EVENT_STREAM = "hubEventStream";
    /** While engine-failover runs: the engine being called, absent when the chain is over. */
    public static final String ENGINE = "hubEngine";
    /** While engine-failover runs: the request's {@code EngineAttempts}. */
    public static final String ENGINE_ATTEMPTS = "hubEngineAttempts";
    /** While engine-failover runs: milliseconds the current attempt may wait for its answer. */
    public static final String ATTEMPT_TIMEOUT = "hubAttemptTimeout";

    private RequestContext() {
    }
}
