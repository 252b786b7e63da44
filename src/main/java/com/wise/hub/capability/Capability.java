package com.wise.hub.capability;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One capability as declared under {@code hub.capabilities.<name>}: the engines it asks, in failover
 * order, with the rules that pick another order for a voice, a model or a language; the deadline of
 * its engine chain; how long its answers are cached; whether an {@code Idempotency-Key} runs it once.
 * Its limits are {@code hub.capabilities.<name>.limits} ({@link com.wise.hub.ratelimit.LimitProperties});
 * anything else under the name belongs to the capability's own beans (request bounds, voices, models).
 *
 * @param name       the capability's name, used everywhere: route {@code direct:<name>}, limits, cache kind,
 *                   metric tag, problem detail
 * @param engines    engine ids ({@code hub.engines.<id>}) tried in order when no rule matches; when the
 *                   declaration lists none, those an engine source made for the capability (pronunciation:
 *                   the Triton targets of {@code INFERENCE_GPU_URL}), else empty
 * @param enginesByVoice    voice (lower case) → engine ids, the first rule looked at
 * @param enginesByModel    model → engine ids, looked at when no voice rule matched
 * @param enginesByLanguage ISO-639-1 language (lower case) → engine ids, looked at last
 * @param deadline   time budget of the whole engine chain, every attempt included
 * @param cacheTtl   how long an answer is kept for identical requests; empty = not cached
 * @param idempotent true when a request with an {@code Idempotency-Key} runs once and is replayed after
 */
public record Capability(
        String name,
        List<String> engines,
        Map<String, List<String>> enginesByVoice,
        Map<String, List<String>> enginesByModel,
        Map<String, List<String>> enginesByLanguage,
        Duration deadline,
        Optional<Duration> cacheTtl,
        boolean idempotent) {

    /**
     * The engines to try for a request, in order: the rule for its voice, else for its model, else for its
     * language, else {@link #engines()}. Any of the three may be null; matching ignores case.
     */
    public List<String> chain(String voice, String model, String language) {
        return rule(enginesByVoice, voice).or(() -> rule(enginesByModel, model)).or(() -> rule(enginesByLanguage, language)).orElse(engines);
    }

    /** True when answers are cached ({@code cache-ttl} is a duration, not {@code none}). */
    public boolean cached() {
        return cacheTtl.isPresent();
    }

    private static Optional<List<String>> rule(Map<String, List<String>> rules, String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(rules.get(key.toLowerCase(Locale.ROOT)));
    }
}
