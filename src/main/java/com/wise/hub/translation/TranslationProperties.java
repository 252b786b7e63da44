package com.wise.hub.translation;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Translation ({@code hub.translation.*}).
 *
 * @param maxTextLength longest {@code text} in characters (code points); default 5000
 * @param deadline      the engine chain's deadline; default 30 s
 */
@Validated
@ConfigurationProperties("hub.translation")
public record TranslationProperties(
        @DefaultValue("5000") int maxTextLength,
        @DefaultValue("30s") @NotNull Duration deadline) {

    public TranslationProperties {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("hub.translation.max-text-length must be at least 1, was " + maxTextLength);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("hub.translation.deadline must be positive, was " + deadline);
        }
    }
}
