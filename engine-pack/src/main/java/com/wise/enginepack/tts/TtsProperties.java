package com.wise.enginepack.tts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pack.tts.*}: what the two speech engines accept.
 *
 * @param maxInputLength longest {@code input} in characters (default 4096, as OpenAI)
 */
@Validated
@ConfigurationProperties("pack.tts")
public record TtsProperties(@Min(1) int maxInputLength, @Valid @NotNull Flite flite, @Valid @NotNull Espeak espeak) {

    /**
     * {@code pack.tts.flite.*}.
     *
     * @param voices flite voices served (16 kHz: slt, awb, rms, kal16)
     * @param defaultVoice used when the request names none
     * @param aliases other voice names (OpenAI's alloy, echo, ...) mapped to one of {@code voices}
     */
    public record Flite(@NotEmpty List<String> voices, @NotBlank String defaultVoice, Map<String, String> aliases) {
    }

    /**
     * {@code pack.tts.espeak.*}.
     *
     * @param defaultVoice espeak-ng voice used when the request names none or an alias
     *     ({@code en-us}; {@code vi} for the Vietnamese engine)
     * @param aliases other voice names mapped to a variant of the default voice, e.g.
     *     {@code alloy: +f3}; an empty value means the default voice itself
     */
    public record Espeak(@NotBlank String defaultVoice, Map<String, String> aliases) {
    }
}
