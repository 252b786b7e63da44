package com.wise.hub.visemes;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Visemes ({@code hub.capabilities.visemes.*}, beside the capability's engines, deadline, cache and limits).
 *
 * @param maxTextLength longest {@code text} in characters (code points); default 4096
 * @param maxFileSize   largest recording; default 25 MB
 */
@Validated
@ConfigurationProperties("hub.capabilities.visemes")
public record VisemesProperties(
        @DefaultValue("4096") int maxTextLength,
        @DefaultValue("25MB") @NotNull DataSize maxFileSize) {

    public VisemesProperties {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("hub.capabilities.visemes.max-text-length must be at least 1, was " + maxTextLength);
        }
        if (maxFileSize.toBytes() <= 0) {
            throw new IllegalArgumentException("hub.capabilities.visemes.max-file-size must be positive, was " + maxFileSize);
        }
    }
}
