package com.wise.hub.stt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The recording formats the hub accepts, recognised by their first bytes (magic numbers) rather
 * than by what the client claims: the formats of the OpenAI transcription API. Also used for the
 * recordings of the viseme route.
 */
public enum AudioFormat {
    WAV("wav", "audio/wav"), MP3("mp3", "audio/mpeg"), MP4("m4a", "audio/mp4"), OGG("ogg", "audio/ogg"),
    WEBM("webm", "audio/webm"), FLAC("flac", "audio/flac");

    /** Bytes to read from the start of a file to recognise it. */
    public static final int HEAD_LENGTH = 12;

    private final String extension;
    private final String mimeType;

    AudioFormat(String extension, String mimeType) {
        this.extension = extension;
        this.mimeType = mimeType;
    }

    /** Media type the engine is told the file has, e.g. {@code audio/mpeg}. */
    public String mimeType() {
        return mimeType;
    }

    /** File extension engines expect for this format, e.g. {@code m4a}. */
    public String extension() {
        return extension;
    }

    /**
     * The format whose signature starts the uploaded {@code file}, if any.
     *
     * @throws UncheckedIOException when the spooled upload cannot be read
     */
    public static Optional<AudioFormat> sniff(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return sniff(in.readNBytes(HEAD_LENGTH));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled upload", e);
        }
    }

    /** The format whose signature starts {@code head}, if any. */
    public static Optional<AudioFormat> sniff(byte[] head) {
        if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WAVE")) {
            return Optional.of(WAV);
        }
        if (startsWith(head, 0, "ID3") || isMpegAudioFrame(head)) {
            return Optional.of(MP3);
        }
        if (startsWith(head, 4, "ftyp")) {
            return Optional.of(MP4);
        }
        if (startsWith(head, 0, "OggS")) {
            return Optional.of(OGG);
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF
                && (head[3] & 0xFF) == 0xA3) {
            return Optional.of(WEBM);
        }
        if (startsWith(head, 0, "fLaC")) {
            return Optional.of(FLAC);
        }
        return Optional.empty();
    }

    /** An MPEG audio frame header: 11 sync bits, a valid version and a layer (not AAC's layer 0). */
    private static boolean isMpegAudioFrame(byte[] head) {
        if (head.length < 2) {
            return false;
        }
        int first = head[0] & 0xFF;
        int second = head[1] & 0xFF;
        boolean sync = first == 0xFF && (second & 0xE0) == 0xE0;
        boolean version = (second & 0x18) != 0x08;
        boolean layer = (second & 0x06) != 0;
        return sync && version && layer;
    }

    private static boolean startsWith(byte[] head, int offset, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        return head.length >= offset + expected.length
                && Arrays.equals(head, offset, offset + expected.length, expected, 0, expected.length);
    }
}
