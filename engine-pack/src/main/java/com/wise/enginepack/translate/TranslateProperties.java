package com.wise.enginepack.translate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pack.translate.*}: the language pairs apertium serves.
 *
 * @param maxTextLength most characters of {@code q} in one request (default 20,000)
 * @param pairs LibreTranslate source and target codes with the apertium mode that translates them
 * @param names each code's English name, for {@code GET /languages}
 */
@Validated
@ConfigurationProperties("pack.translate")
public record TranslateProperties(@Min(1) int maxTextLength, @Valid @NotEmpty List<Pair> pairs, Map<String, String> names) {

    /** One direction: {@code en} → {@code es} by apertium mode {@code eng-spa}. */
    public record Pair(@NotBlank String source, @NotBlank String target, @NotBlank String mode) {
    }
}
