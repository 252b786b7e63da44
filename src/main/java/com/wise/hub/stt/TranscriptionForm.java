package com.wise.hub.stt;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.file.Path;
import java.util.List;

/**
 * A transcription request as the hub accepted it: the multipart form of the OpenAI audio API. The
 * annotations describe the form in {@code /openapi.json} (routes/api.yaml names this type).
 *
 * @param file                   the uploaded recording, spooled to disk
 * @param model                  model name for the engine, or null
 * @param language               ISO-639-1 code in lower case, or null
 * @param prompt                 style or context text, or null
 * @param responseFormat         json, text, srt, verbose_json or vtt, or null (the engine's default, json)
 * @param temperature            0 to 1 as sent, or null
 * @param timestampGranularities word and/or segment, possibly empty
 */
@Schema(name = "TranscriptionRequest", description = "multipart/form-data, as the OpenAI audio API")
public record TranscriptionForm(
        @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The recording: WAV, MP3, M4A/MP4, OGG/Opus, WebM or FLAC (checked by content), at most"
                        + " hub.capabilities.stt.max-file-size (25 MB).")
        Path file,
        @Schema(description = "Model name passed to the engine, e.g. whisper-1.", example = "whisper-1")
        String model,
        @Schema(description = "ISO-639-1 code of the spoken language; also picks the engine order (vi: stt-2 first).",
                example = "vi")
        String language,
        @Schema(description = "Text to guide the style or continue a previous segment; at most 4000 characters.")
        String prompt,
        @JsonProperty("response_format")
        @Schema(description = "Format of the transcript.", defaultValue = "json",
                allowableValues = {"json", "text", "srt", "verbose_json", "vtt"})
        String responseFormat,
        @Schema(type = "number", description = "Sampling temperature.", minimum = "0", maximum = "1")
        String temperature,
        @JsonProperty("timestamp_granularities[]")
        @ArraySchema(schema = @Schema(allowableValues = {"word", "segment"}),
                arraySchema = @Schema(description = "Timestamp detail for verbose_json; repeat the field for both."))
        List<String> timestampGranularities) {
}
