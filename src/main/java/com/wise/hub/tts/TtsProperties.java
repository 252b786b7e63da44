package com.wise.hub.tts;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Text to speech ({@code hub.tts.*}): request limits, the engine chain's deadline and the voice
 * catalogue, which says which engines speak each voice the API accepts.
 *
 * @param maxInputLength longest {@code input} in characters (Unicode code points); default 4096, as OpenAI
 * @param deadline       the whole engine chain's deadline; default 60 s
 * @param voices         voice name (as clients send it, lower case) to its language and engines
 * @param models         the {@code model} names a client may send (passed to the engines); another gets 400
 *                       {@code invalid-model}. Default {@code tts-1}, {@code tts-1-hd}, {@code gpt-4o-mini-tts}
 */
@Validated
@ConfigurationProperties("hub.tts")
public record TtsProperties(
        @DefaultValue("4096") int maxInputLength,
        @DefaultValue("60s") @NotNull Duration deadline,
        Map<String, Voice> voices,
        @DefaultValue({"tts-1", "tts-1-hd", "gpt-4o-mini-tts"}) List<String> models) {

    /**
     * One voice of the catalogue.
     *
     * @param language    the voice's language (ISO-639-1), documentation for clients
     * @param engines     engine ids under {@code hub.engines.tts}, tried in this order
     * @param engineVoice the voice name the engines know; default the catalogue name
     */
    public record Voice(String language, List<String> engines, String engineVoice) {
    }

    public TtsProperties {
        if (maxInputLength < 1) {
            throw new IllegalArgumentException("hub.tts.max-input-length must be at least 1, was " + maxInputLength);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("hub.tts.deadline must be positive, was " + deadline);
        }
        Map<String, Voice> normalised = new LinkedHashMap<>();
        (voices == null ? Map.<String, Voice>of() : voices).forEach((name, voice) -> {
            if (voice == null || voice.engines() == null || voice.engines().isEmpty()) {
                throw new IllegalArgumentException("hub.tts.voices." + name + ".engines must list at least one engine");
            }
            String engineVoice = voice.engineVoice() == null || voice.engineVoice().isBlank() ? name : voice.engineVoice();
            normalised.put(name.toLowerCase(Locale.ROOT), new Voice(voice.language(), List.copyOf(voice.engines()),
                    engineVoice));
        });
        voices = Map.copyOf(normalised);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("hub.tts.models must list at least one model name");
        }
        models = List.copyOf(models);
    }
}
