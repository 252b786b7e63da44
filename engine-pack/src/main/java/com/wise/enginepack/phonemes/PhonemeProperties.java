package com.wise.enginepack.phonemes;

import jakarta.validation.constraints.Min;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pack.phonemes.*}.
 *
 * @param maxTextLength longest {@code text} in characters (default 4096)
 * @param voices short language codes mapped to the espeak-ng voice that phonemizes them
 *     ({@code en: en-us}); any other espeak-ng language code is used as is
 */
@Validated
@ConfigurationProperties("pack.phonemes")
public record PhonemeProperties(@Min(1) int maxTextLength, Map<String, String> voices) {
}
