package com.wise.hub.translation;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A translation request as the hub accepted it.
 *
 * @param text   NFC, trimmed, 1 to {@code hub.capabilities.translation.max-text-length} characters
 * @param source language code in lower case, or {@code auto} (the engine detects it)
 * @param target language code in lower case
 */
@Schema(name = "TranslationRequest")
public record TranslationRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The text, 1 to 5000 characters.",
                example = "Good morning")
        String text,
        @Schema(description = "Language of the text (e.g. en); auto or absent: the engine detects it.",
                defaultValue = "auto", example = "en")
        String source,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Language to translate into.", example = "vi")
        String target) {
}
