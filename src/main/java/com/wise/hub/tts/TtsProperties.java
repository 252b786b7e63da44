package com.wise.hub.tts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What text to speech accepts ({@code hub.capabilities.tts.*}, beside the capability's engines, rules,
 * deadline and limits): the longest input, the models and the voice catalogue. Which engines speak a
 * voice is the capability's rule for the voice, else for its language
 * ({@code hub.capabilities.tts.engines-by-voice}, {@code .engines-by-language}), else its engines.
 *
 * @param maxInputLength longest {@code input} in characters (Unicode code points); default 4096, as OpenAI
 * @param voices         voice name (as clients send it, lower case) to its language and engine voice
 * @param models         the {@code model} names a client may send (passed to the engines); another gets 400
 *                       {@code invalid-model}. Default {@code tts-1}, {@code tts-1-hd}, {@code gpt-4o-mini-tts}
 */
@Validated
@ConfigurationProperties("hub.capabilities.tts")
public record TtsProperties(
        @DefaultValue("4096") int maxInputLength,
        Map<String, Voice> voices,
        @DefaultValue({"tts-1", "tts-1-hd", "gpt-4o-mini-tts"}) List<String> models) {

    /**
     * One voice of the catalogue.
     *
     * @param language    the voice's language (ISO-639-1): documentation for clients, and the key of the
     *                    capability's {@code engines-by-language} rule
     * @param engineVoice the voice name the engines know; default the catalogue name
     */
    public record Voice(String language, String engineVoice) {
    }

    public TtsProperties {
        if (maxInputLength < 1) {
            throw new IllegalArgumentException("hub.capabilities.tts.max-input-length must be at least 1, was " + maxInputLength);
        }
        Map<String, Voice> normalised = new LinkedHashMap<>();
        (voices == null ? Map.<String, Voice>of() : voices).forEach((name, voice) -> {
            if (voice == null || voice.language() == null || voice.language().isBlank()) {
                throw new IllegalArgumentException("hub.capabilities.tts.voices." + name
                        + ".language must name the voice's language, e.g. en");
            }
            String engineVoice = voice.engineVoice() == null || voice.engineVoice().isBlank() ? name : voice.engineVoice();
            normalised.put(name.toLowerCase(Locale.ROOT), new Voice(voice.language().toLowerCase(Locale.ROOT),
                    engineVoice));
        });
        voices = Map.copyOf(normalised);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("hub.capabilities.tts.models must list at least one model name");
        }
        models = List.copyOf(models);
    }
}
