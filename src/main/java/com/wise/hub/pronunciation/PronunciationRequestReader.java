package com.wise.hub.pronunciation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.problem.ProblemException;
import com.wise.hub.triton.InferRequestEncoder;
import com.wise.hub.triton.TritonProperties;
import com.wise.hub.web.RequestIds;
import jakarta.activation.DataHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.AttachmentMessage;
import org.springframework.stereotype.Component;

/**
 * Reads the multipart request of {@code POST /v1/pronunciation/assess}: the form fields
 * {@code text} and {@code language} (which platform-http delivers as headers) and the WAV in the
 * part {@code file}, which it prepares for the model. Leaves the phoneme route's request,
 * {@code {"text", "language"}}, in the body.
 */
@Component("pronunciationRequest")
public class PronunciationRequestReader {

    /** Exchange property: the accepted {@link PronunciationForm}. */
    public static final String FORM = "hubPronunciationForm";
    /** Exchange property: the audio's length in seconds ({@code Double}). */
    public static final String SECONDS = "hubPronunciationSeconds";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    private final PronunciationProperties properties;
    private final SpeechAudioPreparer audio;
    private final ObjectMapper json;
    private final int modelRate;

    PronunciationRequestReader(PronunciationProperties properties, SpeechAudioPreparer audio, ObjectMapper json,
            TritonProperties triton) {
        this.properties = properties;
        this.audio = audio;
        this.json = json;
        this.modelRate = triton.sampleRate();
    }

    /**
     * Checks the content type, the text and the language; the cheap checks run before the audio is read.
     *
     * @throws ProblemException 415 when the request is not multipart/form-data; 400 for a missing or
     *                          too long text or a malformed language code
     */
    public void readFields(Exchange exchange) {
        Message message = exchange.getMessage();
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, "", String.class);
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw ProblemException.unsupportedMediaType("Send the recording and the text as multipart/form-data "
                    + "(parts 'file', 'text', 'language'), not " + (contentType.isEmpty() ? "no Content-Type" : contentType)
                    + ".");
        }
        String text = message.getHeader("text", String.class);
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("missing-text",
                    "Send the sentence the student read in the form field 'text'.");
        }
        text = text.strip();
        if (text.length() > properties.maxTextLength()) {
            throw ProblemException.badRequest("text-too-long", "The text has " + text.length()
                    + " characters; at most " + properties.maxTextLength() + " can be assessed at once.");
        }
        String language = message.getHeader("language", String.class);
        language = language == null || language.isBlank() ? properties.defaultLanguage() : language.strip();
        if (!LANGUAGE.matcher(language).matches()) {
            throw ProblemException.badRequest("invalid-language",
                    "'language' must be a language code such as en or en-US, was '" + language + "'.");
        }
        DataHandler file = exchange.getMessage(AttachmentMessage.class).getAttachment("file");
        exchange.setProperty(FORM, new PronunciationForm(file, text, language));
    }

    /**
     * Decodes and prepares the WAV of the part {@code file}; then puts the phoneme request in the body.
     *
     * @throws ProblemException 400 without a {@code file} part; 415, 413, 400 from the audio checks
     */
    public void readAudio(Exchange exchange) throws IOException {
        PronunciationForm form = exchange.getProperty(FORM, PronunciationForm.class);
        if (form.file() == null) {
            throw ProblemException.badRequest("missing-file",
                    "Send the recording as a multipart/form-data part named 'file' (WAV, 16-bit PCM).");
        }
        float[] samples;
        try (InputStream in = form.file().getInputStream()) {
            samples = audio.prepare(in);
        }
        exchange.setProperty(InferRequestEncoder.SAMPLES, samples);
        exchange.setProperty(SECONDS, samples.length / (double) modelRate);
        Message message = exchange.getMessage();
        message.removeHeaders("*", RequestIds.HEADER);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        Map<String, String> phonemeRequest = new LinkedHashMap<>();
        phonemeRequest.put("text", form.text());
        phonemeRequest.put("language", form.language());
        message.setBody(json.writeValueAsString(phonemeRequest));
    }
}
