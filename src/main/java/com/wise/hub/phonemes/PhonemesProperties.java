package com.wise.hub.phonemes;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Phonemes ({@code hub.capabilities.phonemes.*}, beside the capability's engines, deadline, cache and limits).
 *
 * @param maxTextLength   longest {@code text} in characters (code points); default 4096
 * @param defaultLanguage language when the request names none; default {@code en}
 */
@Validated
@ConfigurationProperties("hub.capabilities.phonemes")
public record PhonemesProperties(
        @DefaultValue("4096") int maxTextLength,
        @DefaultValue("en") @NotNull String defaultLanguage) {

    public PhonemesProperties {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("hub.capabilities.phonemes.max-text-length must be at least 1, was " + maxTextLength);
        }
    }
}
