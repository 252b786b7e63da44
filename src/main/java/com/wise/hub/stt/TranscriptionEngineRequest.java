package com.wise.hub.stt;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.springframework.stereotype.Component;

/**
 * Builds the request every STT engine gets: OpenAI's multipart transcription form with the very
 * bytes the client uploaded (streamed from the spooled file, so it can be sent again to the next
 * engine) and the checked fields. Sets the body and the {@code Content-Type} header.
 */
@Component("transcriptionEngineRequest")
public class TranscriptionEngineRequest {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._ -]{1,100}");
    private static final ContentType TEXT = ContentType.create("text/plain", StandardCharsets.UTF_8);

    /** Replaces the body with the engine request for {@code transcription}. */
    public void build(Exchange exchange, @ExchangeProperty("transcription") TranscriptionForm transcription) {
        Message message = exchange.getMessage();
        AudioFormat format = exchange.getProperty(TranscriptionUpload.FORMAT, AudioFormat.class);
        MultipartEntityBuilder form = MultipartEntityBuilder.create()
                .setContentType(ContentType.create("multipart/form-data"))
                .addBinaryBody(TranscriptionUpload.FIELD, transcription.file().toFile(),
                        ContentType.create(format.mimeType()),
                        fileName(message.getHeader(Exchange.FILE_NAME, String.class), format));
        text(form, TranscriptionFields.MODEL, transcription.model());
        text(form, TranscriptionFields.LANGUAGE, transcription.language());
        text(form, TranscriptionFields.PROMPT, transcription.prompt());
        text(form, TranscriptionFields.RESPONSE_FORMAT, transcription.responseFormat());
        text(form, TranscriptionFields.TEMPERATURE, transcription.temperature());
        transcription.timestampGranularities().forEach(g -> text(form, TranscriptionFields.GRANULARITIES, g));
        HttpEntity entity = form.build();
        message.setBody(entity);
        message.setHeader(Exchange.CONTENT_TYPE, entity.getContentType());
    }

    /** What the engine's answer must be for the requested format: {@code json} for json and verbose_json, else {@code text}. */
    public String expectedAnswer(@ExchangeProperty("transcription") TranscriptionForm transcription) {
        String format = transcription.responseFormat();
        return format == null || format.equals("json") || format.equals("verbose_json") ? "json" : "text";
    }

    private static void text(MultipartEntityBuilder form, String field, String value) {
        if (value != null) {
            form.addTextBody(field, value, TEXT);
        }
    }

    /** The client's file name without any directory, or {@code audio.<ext>} when it is missing or odd. */
    static String fileName(String given, AudioFormat format) {
        if (given != null) {
            String base = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1).trim();
            if (SAFE_NAME.matcher(base).matches() && !base.startsWith(".")) {
                return base;
            }
        }
        return "audio." + format.extension();
    }
}
