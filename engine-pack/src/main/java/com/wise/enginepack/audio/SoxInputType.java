package com.wise.enginepack.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sox file type ({@code -t}) to read an upload as: from its file name's extension, else its
 * declared media type, else MP3 by its first bytes (sox finds WAV, FLAC and OGG by their headers
 * itself, but not MP3 without a name).
 */
final class SoxInputType {

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "wav", "wav", "wave", "wav", "mp3", "mp3", "flac", "flac", "ogg", "ogg", "oga", "ogg",
            "aif", "aiff", "aiff", "aiff", "au", "au");

    private static final Map<String, String> BY_MEDIA_TYPE = Map.of(
            "audio/wav", "wav", "audio/x-wav", "wav", "audio/wave", "wav", "audio/vnd.wave", "wav",
            "audio/mpeg", "mp3", "audio/mp3", "mp3", "audio/flac", "flac", "audio/x-flac", "flac",
            "audio/ogg", "ogg");

    private SoxInputType() {
    }

    static Optional<String> of(Upload upload) {
        return byExtension(upload.filename())
                .or(() -> byMediaType(upload.contentType()))
                .or(() -> looksLikeMp3(upload) ? Optional.of("mp3") : Optional.empty());
    }

    private static Optional<String> byExtension(String filename) {
        if (filename == null || filename.lastIndexOf('.') < 0) {
            return Optional.empty();
        }
        String extension = filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BY_EXTENSION.get(extension));
    }

    private static Optional<String> byMediaType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BY_MEDIA_TYPE.get(type));
    }

    /** An ID3 tag, or an MPEG audio frame sync (11 set bits). */
    private static boolean looksLikeMp3(Upload upload) {
        byte[] head = new byte[3];
        try (InputStream in = Files.newInputStream(upload.path())) {
            if (in.readNBytes(head, 0, 3) < 3) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        boolean id3 = head[0] == 'I' && head[1] == 'D' && head[2] == '3';
        boolean frameSync = (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0;
        return id3 || frameSync;
    }
}
