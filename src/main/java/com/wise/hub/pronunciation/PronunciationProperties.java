package com.wise.hub.pronunciation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of {@code POST /v1/pronunciation/assess} ({@code hub.pronunciation.*}).
 *
 * @param maxDuration     longest recording scored; longer gets 413. Default 60 s
 * @param maxTextLength   longest reference text, in characters; longer gets 400. Default 1000
 * @param defaultLanguage language of the text when the request names none; default {@code en}
 * @param deadline        time budget of the failover over the Triton targets (each call is bounded by
 *                        {@code hub.triton.deadline}); no target is tried after it; default 30 s
 */
@Validated
@ConfigurationProperties("hub.pronunciation")
public record PronunciationProperties(
        @DefaultValue("60s") @NotNull Duration maxDuration,
        @DefaultValue("1000") int maxTextLength,
        @DefaultValue("en") @NotBlank String defaultLanguage,
        @DefaultValue("30s") @NotNull Duration deadline) {

    public PronunciationProperties {
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("hub.pronunciation.max-duration must be positive, was " + maxDuration);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("hub.pronunciation.deadline must be positive, was " + deadline);
        }
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("hub.pronunciation.max-text-length must be positive, was "
                    + maxTextLength);
        }
    }
}
