package com.wise.hub.pronunciation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.activation.DataHandler;

/**
 * A pronunciation request as the hub accepted it: the multipart form of
 * {@code POST /v1/pronunciation/assess}. The annotations describe the form in {@code /openapi.json}
 * (routes/api.yaml names this type).
 *
 * @param file     the uploaded recording, or null when the request has no part {@code file}
 * @param text     the sentence the student read, trimmed
 * @param language language code of the sentence
 */
@Schema(name = "PronunciationRequest", description = "multipart/form-data")
public record PronunciationForm(
        @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The recording: WAV with 16-bit PCM samples, mono or stereo, any sample rate, at most"
                        + " hub.capabilities.pronunciation.max-duration (60 s).")
        DataHandler file,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "hello world",
                description = "The sentence the student read, at most hub.capabilities.pronunciation.max-text-length (1000) characters.")
        String text,
        @Schema(description = "Language code of the sentence.", defaultValue = "en", example = "en-US")
        String language) {
}
