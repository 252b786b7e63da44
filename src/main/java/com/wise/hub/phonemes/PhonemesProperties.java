package com.wise.hub.phonemes;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Phonemes ({@code hub.phonemes.*}).
 *
 * @param maxTextLength   longest {@code text} in characters (code points); default 4096
 * @param defaultLanguage language when the request names none; default {@code en}
 * @param deadline        the engine chain's deadline; default 30 s
 */
@Validated
@ConfigurationProperties("hub.phonemes")
public record PhonemesProperties(
        @DefaultValue("4096") int maxTextLength,
        @DefaultValue("en") @NotNull String defaultLanguage,
        @DefaultValue("30s") @NotNull Duration deadline) {

    public PhonemesProperties {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("hub.phonemes.max-text-length must be at least 1, was " + maxTextLength);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("hub.phonemes.deadline must be positive, was " + deadline);
        }
    }
}
