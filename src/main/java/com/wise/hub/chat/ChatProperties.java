package com.wise.hub.chat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Chat completions ({@code hub.capabilities.chat.*}, beside the capability's engines, deadline, cache and
 * limits): the models clients may name, the request bounds and the stream's timeouts.
 *
 * @param models            alias (what a client sends as {@code model}) → the (engine, engine model) pairs that
 *                          serve it, in failover order; each engine at most once per alias
 * @param defaultModel      the alias used when a request names no model; unset = {@code model} is required
 * @param maxMessages       most messages in one request; default 256
 * @param maxInputLength    most characters (code points) of all messages' text together; default 100,000
 * @param maxTokens         the largest {@code max_tokens} a client may ask; default 4096
 * @param defaultMaxTokens  {@code max_tokens} sent to the engine when the client asks none (the bound is always
 *                          sent, so the token reservation is a true maximum); default 1024
 * @param firstTokenTimeout longest wait for an engine's first event of a stream before the next engine is tried;
 *                          default 20 s
 * @param idleTimeout       longest silence of an engine once its answer has begun; over it the stream ends with an
 *                          error event; default 30 s
 * @param maxStreamDuration longest stream from its first event; with the capability's deadline (the most the wait for
 *                          the first event may take, failover included) it must end before {@code hub.request-timeout};
 *                          default 110 s
 * @param heartbeat         silence after which the client gets an SSE comment (and a client that left is noticed);
 *                          default 500 ms
 * @param commitAfter       wait for the first token after which the stream is begun with heartbeats while failover
 *                          goes on (its status is then 200; a failure becomes an {@code error} event); default 2 s
 */
@ConfigurationProperties("hub.capabilities.chat")
public record ChatProperties(
        Map<String, List<ModelTarget>> models,
        String defaultModel,
        @DefaultValue("256") int maxMessages,
        @DefaultValue("100000") int maxInputLength,
        @DefaultValue("4096") int maxTokens,
        @DefaultValue("1024") int defaultMaxTokens,
        @DefaultValue("20s") Duration firstTokenTimeout,
        @DefaultValue("30s") Duration idleTimeout,
        @DefaultValue("110s") Duration maxStreamDuration,
        @DefaultValue("500ms") Duration heartbeat,
        @DefaultValue("2s") Duration commitAfter) {

    private static final String PREFIX = "hub.capabilities.chat.";
    static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_:-]{0,63}");

    /**
     * One engine serving an alias.
     *
     * @param engine         an engine id under {@code hub.engines}
     * @param model          the model's name as that engine knows it
     * @param maxTokensField the request field the engine reads the token bound from: {@code max_tokens} (the
     *                       default; vLLM, llama.cpp, Ollama) or {@code max_completion_tokens} (OpenAI's reasoning
     *                       models refuse {@code max_tokens})
     */
    public record ModelTarget(String engine, String model, String maxTokensField) {

        static final List<String> TOKEN_FIELDS = List.of("max_tokens", "max_completion_tokens");

        public ModelTarget {
            maxTokensField = maxTokensField == null || maxTokensField.isBlank() ? "max_tokens" : maxTokensField.trim();
        }
    }

    public ChatProperties {
        models = models == null ? Map.of() : new LinkedHashMap<>(models);
        for (Map.Entry<String, List<ModelTarget>> alias : models.entrySet()) {
            String key = PREFIX + "models." + alias.getKey();
            if (!ALIAS.matcher(alias.getKey()).matches()) {
                throw new IllegalArgumentException(key + ": a model alias is 1 to 64 letters, digits, '_', ':' or '-'");
            }
            List<ModelTarget> targets = alias.getValue();
            if (targets == null || targets.isEmpty()) {
                throw new IllegalArgumentException(key + " lists no engine; give at least one {engine, model}");
            }
            for (int i = 0; i < targets.size(); i++) {
                ModelTarget target = targets.get(i);
                if (target == null || blank(target.engine()) || blank(target.model())) {
                    throw new IllegalArgumentException(key + "[" + i + "] needs both engine (an id under hub.engines) "
                            + "and model (the engine's name for it)");
                }
                if (!ModelTarget.TOKEN_FIELDS.contains(target.maxTokensField())) {
                    throw new IllegalArgumentException(key + "[" + i + "].max-tokens-field is '" + target.maxTokensField()
                            + "'; one of " + ModelTarget.TOKEN_FIELDS);
                }
                for (int j = 0; j < i; j++) {
                    if (targets.get(j).engine().equals(target.engine())) {
                        throw new IllegalArgumentException(key + " names engine " + target.engine() + " twice; to "
                                + "fail over to another model of the same server, declare a second engine id with its URL");
                    }
                }
            }
            alias.setValue(List.copyOf(targets));
        }
        models = java.util.Collections.unmodifiableMap(models);
        if (blank(defaultModel)) {
            defaultModel = null;
        }
        if (defaultModel != null && !models.containsKey(defaultModel)) {
            throw new IllegalArgumentException(PREFIX + "default-model is '" + defaultModel + "', which "
                    + PREFIX + "models does not declare; aliases: " + models.keySet());
        }
        atLeast("max-messages", maxMessages, 1);
        atLeast("max-input-length", maxInputLength, 1);
        atLeast("max-tokens", maxTokens, 1);
        atLeast("default-max-tokens", defaultMaxTokens, 1);
        if (defaultMaxTokens > maxTokens) {
            throw new IllegalArgumentException(PREFIX + "default-max-tokens (" + defaultMaxTokens
                    + ") must not exceed " + PREFIX + "max-tokens (" + maxTokens + ")");
        }
        positive("first-token-timeout", firstTokenTimeout);
        positive("idle-timeout", idleTimeout);
        positive("max-stream-duration", maxStreamDuration);
        positive("heartbeat", heartbeat);
        positive("commit-after", commitAfter);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(PREFIX + name + " must be at least " + min + ", was " + value);
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(PREFIX + name + " must be a positive duration such as 500ms or 20s, was "
                    + value);
        }
    }
}
