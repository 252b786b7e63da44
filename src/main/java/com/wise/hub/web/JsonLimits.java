package com.wise.hub.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on JSON request bodies ({@code hub.json.*}), enforced while the body is read and parsed,
 * before anything is built from it.
 *
 * @param maxBodySize     largest body that is not a multipart upload (every such endpoint takes JSON);
 *                        larger gets 413. Default 1 MB
 * @param maxDepth        deepest nesting of objects and arrays; deeper gets 400 {@code json-too-complex}. Default 32
 * @param maxTokens       most JSON tokens (braces, names, values) in one body; more gets 400. Default 100,000
 * @param maxStringLength longest string value, in characters; longer gets 400. Default 262,144
 */
@Validated
@ConfigurationProperties("hub.json")
public record JsonLimits(
        @DefaultValue("1MB") @NotNull DataSize maxBodySize,
        @DefaultValue("32") int maxDepth,
        @DefaultValue("100000") long maxTokens,
        @DefaultValue("262144") int maxStringLength) {

    public JsonLimits {
        if (maxBodySize.toBytes() <= 0 || maxDepth < 1 || maxTokens < 1 || maxStringLength < 1) {
            throw new IllegalArgumentException("hub.json.max-body-size, max-depth, max-tokens and max-string-length"
                    + " must be positive");
        }
    }
}
