package com.wise.hub.visemes;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import com.wise.hub.stt.AudioFormat;
import java.nio.file.Path;

/**
 * A viseme request as the hub accepted it: either text or a recording. The annotations describe
 * the body in {@code /openapi.json}.
 *
 * @param text   NFC, trimmed text, or null for a recording
 * @param audio  the spooled recording, or null for text
 * @param format the recording's format (by its first bytes), or null for text
 */
@Schema(name = "VisemeRequest", description = "JSON {text}, or multipart/form-data with the recording in 'file'")
public record VisemeRequest(
        @Schema(description = "The words to lip-sync (JSON), 1 to 4096 characters.", example = "Hello there")
        String text,
        @JsonProperty("file")
        @Schema(type = "string", format = "binary", description = "The recording (multipart): WAV, MP3, M4A/MP4,"
                + " OGG/Opus, WebM or FLAC, at most hub.capabilities.visemes.max-file-size (25 MB).")
        Path audio,
        @Schema(hidden = true)
        AudioFormat format) {
}
