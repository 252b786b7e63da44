package com.wise.hub.translation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Translation ({@code hub.capabilities.translation.*}, beside the capability's engines, deadline, cache and limits).
 *
 * @param maxTextLength longest {@code text} in characters (code points); default 5000
 */
@Validated
@ConfigurationProperties("hub.capabilities.translation")
public record TranslationProperties(
        @DefaultValue("5000") int maxTextLength) {

    public TranslationProperties {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("hub.capabilities.translation.max-text-length must be at least 1, was " + maxTextLength);
        }
    }
}
