package com.wise.hub.stt;

import com.wise.hub.problem.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.DefaultAttachmentMessage;
import org.springframework.stereotype.Component;

/**
 * Checks the recording of a transcription request before any engine sees it: a multipart body with
 * exactly one file, in the field {@code file}, not empty, within {@code hub.capabilities.stt.max-file-size}, and
 * audio in a supported format by its declared type and by its first bytes. Leaves the recognised
 * {@link AudioFormat} in the exchange property {@value #FORMAT}.
 */
@Component("transcriptionUpload")
public class TranscriptionUpload {

    static final String FORMAT = "hubAudioFormat";
    static final String FIELD = "file";
    private static final String SUPPORTED = "WAV, MP3, M4A/MP4, OGG/Opus, WebM or FLAC";
    private static final Set<String> NEUTRAL_TYPES = Set.of("application/octet-stream", "application/ogg",
            "video/mp4", "video/webm", "video/ogg", "binary/octet-stream");

    private final SttProperties properties;

    TranscriptionUpload(SttProperties properties) {
        this.properties = properties;
    }

    /**
     * @throws ProblemException 415 when the body is not multipart or the file is not supported audio, 400 when
     *                          the file is missing, duplicated or empty, 413 when it is too large
     */
    public void check(Exchange exchange) {
        Message message = exchange.getMessage();
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, "", String.class).toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("multipart/form-data")) {
            throw ProblemException.unsupportedMediaType("Send the recording as multipart/form-data with the audio in"
                    + " the field 'file' (as the OpenAI audio API does), not " + (contentType.isEmpty() ? "an untyped body"
                    : contentType.split(";")[0]) + ".");
        }
        Set<String> parts = new DefaultAttachmentMessage(message).getAttachmentNames();
        if (parts == null || !parts.contains(FIELD)) {
            throw ProblemException.badRequest("missing-file", "The multipart field 'file' with the recording is missing"
                    + (parts == null || parts.isEmpty() ? "." : "; the request has file fields " + parts + "."))
                    .param(FIELD);
        }
        if (parts.size() > 1) {
            throw ProblemException.badRequest("too-many-files", "Send exactly one file, in the field 'file'; the request"
                    + " has file fields " + parts + ".").param(FIELD);
        }
        Path file = message.getBody(Path.class);
        long size = size(file);
        if (size == 0) {
            throw ProblemException.badRequest("empty-file", "The file in the field 'file' is empty; send the recording.")
                    .param(FIELD);
        }
        if (size > properties.maxFileSize().toBytes()) {
            throw ProblemException.payloadTooLarge("The recording is " + size + " bytes; this hub accepts at most "
                    + properties.maxFileSize().toBytes() + " bytes (hub.capabilities.stt.max-file-size). Send a shorter recording.");
        }
        String declared = message.getHeader(Exchange.FILE_CONTENT_TYPE, "", String.class).toLowerCase(Locale.ROOT)
                .split(";")[0].trim();
        if (!declared.isEmpty() && !declared.startsWith("audio/") && !NEUTRAL_TYPES.contains(declared)) {
            throw ProblemException.unsupportedMediaType("The file is declared as " + declared + ", not audio; send "
                    + SUPPORTED + ".");
        }
        AudioFormat format = AudioFormat.sniff(file).orElseThrow(() -> ProblemException.unsupportedMediaType(
                "The file is not audio in a supported format; send " + SUPPORTED + "."));
        exchange.setProperty(FORMAT, format);
    }

    private static long size(Path file) {
        try {
            return file == null ? 0 : Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled upload", e);
        }
    }
}
