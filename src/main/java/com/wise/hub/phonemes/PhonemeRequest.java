package com.wise.hub.phonemes;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A phoneme request as the hub accepted it.
 *
 * @param text     NFC, trimmed, 1 to {@code hub.capabilities.phonemes.max-text-length} characters
 * @param language language code in lower case ({@code en}, {@code en-gb}, {@code vi}, ...)
 */
@Schema(name = "PhonemeRequest")
public record PhonemeRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The words, 1 to 4096 characters.",
                example = "hello world")
        String text,
        @Schema(description = "Language code (en, en-gb, vi, ...).", defaultValue = "en", example = "en")
        String language) {
}
