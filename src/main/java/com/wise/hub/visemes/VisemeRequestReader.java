package com.wise.hub.visemes;

import com.fasterxml.jackson.databind.JsonNode;
import com.wise.hub.cache.CanonicalRequest;
import com.wise.hub.problem.ProblemException;
import com.wise.hub.stt.AudioFormat;
import com.wise.hub.web.JsonFields;
import com.wise.hub.web.JsonRequestReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.DefaultAttachmentMessage;
import org.springframework.stereotype.Component;

/**
 * Checks a viseme request, JSON {@code {text}} or a multipart recording in the field {@code file},
 * and names it for the cache and idempotency (kind {@code visemes}: the text, or the recording's
 * SHA-256, so a re-uploaded identical file is a hit).
 */
@Component("visemeRequest")
public class VisemeRequestReader {

    /** Exchange property holding the checked {@link VisemeRequest}. */
    public static final String VISEMES = "hubVisemes";
    private static final String FIELD = "file";
    private static final String SUPPORTED = "WAV, MP3, M4A/MP4, OGG/Opus, WebM or FLAC";

    private final VisemesProperties properties;
    private final JsonRequestReader json;

    VisemeRequestReader(VisemesProperties properties, JsonRequestReader json) {
        this.properties = properties;
        this.json = json;
    }

    /**
     * @throws ProblemException 400 {@code invalid-text}, {@code missing-file}, {@code too-many-files} or
     *     {@code empty-file}; 413 for a recording over {@code hub.capabilities.visemes.max-file-size}; 415 for a body that
     *     is neither JSON nor multipart, or a file that is not supported audio
     */
    public VisemeRequest read(Exchange exchange) {
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class);
        VisemeRequest request = contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                ? recording(exchange.getMessage()) : text(json.read(exchange));
        CanonicalRequest.describe(exchange, request.text() != null ? Map.of("text", request.text())
                : Map.of("audioSha256", sha256(request.audio())));
        exchange.setProperty(VISEMES, request);
        return request;
    }

    private VisemeRequest text(JsonNode body) {
        String text = CanonicalRequest.normaliseText(JsonFields.text(body, "text").orElse(""));
        if (text.isEmpty()) {
            throw JsonFields.invalid("text", "'text' is required: the words to lip-sync, 1 to "
                    + properties.maxTextLength() + " characters (or send a recording as multipart field 'file').");
        }
        int length = text.codePointCount(0, text.length());
        if (length > properties.maxTextLength()) {
            throw JsonFields.invalid("text", "'text' has " + length + " characters; at most "
                    + properties.maxTextLength() + " are allowed.");
        }
        return new VisemeRequest(text, null, null);
    }

    private VisemeRequest recording(Message message) {
        Set<String> parts = new DefaultAttachmentMessage(message).getAttachmentNames();
        if (parts == null || !parts.contains(FIELD)) {
            throw ProblemException.badRequest("missing-file", "The multipart field 'file' with the recording is missing.");
        }
        if (parts.size() > 1) {
            throw ProblemException.badRequest("too-many-files", "Send exactly one file, in the field 'file'; the request"
                    + " has file fields " + parts + ".");
        }
        Path file = message.getBody(Path.class);
        long size = size(file);
        if (size == 0) {
            throw ProblemException.badRequest("empty-file", "The file in the field 'file' is empty; send the recording.");
        }
        if (size > properties.maxFileSize().toBytes()) {
            throw ProblemException.payloadTooLarge("The recording is " + size + " bytes; at most "
                    + properties.maxFileSize().toBytes() + " are accepted (hub.capabilities.visemes.max-file-size).");
        }
        AudioFormat format = AudioFormat.sniff(file).orElseThrow(() -> ProblemException.unsupportedMediaType(
                "The file is not audio in a supported format; send " + SUPPORTED + "."));
        return new VisemeRequest(null, file, format);
    }

    private static long size(Path file) {
        try {
            return file == null ? 0 : Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled upload", e);
        }
    }

    private static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled upload", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
