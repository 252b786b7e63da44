package com.wise.hub.visemes;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Visemes ({@code hub.visemes.*}).
 *
 * @param maxTextLength longest {@code text} in characters (code points); default 4096
 * @param maxFileSize   largest recording; default 25 MB
 * @param deadline      the engine chain's deadline; default 60 s
 */
@Validated
@ConfigurationProperties("hub.visemes")
public record VisemesProperties(
        @DefaultValue("4096") int maxTextLength,
        @DefaultValue("25MB") @NotNull DataSize maxFileSize,
        @DefaultValue("60s") @NotNull Duration deadline) {

    public VisemesProperties {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("hub.visemes.max-text-length must be at least 1, was " + maxTextLength);
        }
        if (maxFileSize.toBytes() <= 0) {
            throw new IllegalArgumentException("hub.visemes.max-file-size must be positive, was " + maxFileSize);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("hub.visemes.deadline must be positive, was " + deadline);
        }
    }
}
