package com.wise.hub.tts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A speech request as the hub accepted it (OpenAI {@code POST /v1/audio/speech}); the annotations
 * describe the body in {@code /openapi.json}.
 *
 * @param model          model name passed to the engine; default {@code tts-1}
 * @param input          the text, NFC and trimmed, 1 to {@code hub.capabilities.tts.max-input-length} characters
 * @param voice          catalogue voice name, lower case
 * @param responseFormat mp3 (default), opus, aac, flac, wav or pcm
 * @param speed          0.25 to 4.0, default 1.0
 */
@Schema(name = "SpeechRequest", description = "OpenAI speech request (JSON)")
public record SpeechRequest(
        @Schema(description = "Model name passed to the engine.", defaultValue = "tts-1", example = "tts-1")
        String model,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The text to speak, 1 to 4096 characters.",
                example = "Hello, how are you today?")
        String input,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A voice of the catalogue (hub.capabilities.tts.voices):"
                + " OpenAI's names (alloy, ash, ballad, coral, echo, fable, nova, onyx, sage, shimmer, verse) and the"
                + " Vietnamese voices vi, vi-female, vi-male.", example = "alloy")
        String voice,
        @JsonProperty("response_format")
        @Schema(description = "Audio format.", defaultValue = "mp3",
                allowableValues = {"mp3", "opus", "aac", "flac", "wav", "pcm"})
        String responseFormat,
        @Schema(description = "Speaking speed.", defaultValue = "1.0", minimum = "0.25", maximum = "4.0")
        double speed) {
}
