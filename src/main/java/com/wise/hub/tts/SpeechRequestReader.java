package com.wise.hub.tts;

import com.fasterxml.jackson.databind.JsonNode;
import com.wise.hub.cache.CanonicalRequest;
import com.wise.hub.problem.ProblemException;
import com.wise.hub.web.JsonFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Checks an OpenAI speech request (the JSON body {@code jsonRequest} read) before any engine sees
 * it, and names it for the cache and idempotency (kind {@code tts}: model, input, voice, format,
 * speed). Fields OpenAI added later ({@code instructions}, {@code stream_format}) are ignored.
 */
@Component("speechRequest")
public class SpeechRequestReader {

    /** Exchange property holding the checked {@link SpeechRequest}. */
    public static final String SPEECH = "hubSpeech";
    static final List<String> FORMATS = List.of("mp3", "opus", "aac", "flac", "wav", "pcm");

    private final TtsProperties properties;
    private final TtsVoices voices;

    SpeechRequestReader(TtsProperties properties, TtsVoices voices) {
        this.properties = properties;
        this.voices = voices;
    }

    /**
     * @throws ProblemException 400 {@code invalid-input} (missing, blank or too long),
     *     {@code unknown-voice}, {@code invalid-response-format}, {@code invalid-speed}, {@code invalid-model}
     */
    public SpeechRequest read(Exchange exchange) {
        JsonNode body = exchange.getMessage().getBody(JsonNode.class);
        String model = JsonFields.text(body, "model").map(String::strip).orElse("tts-1");
        if (model.isEmpty() || model.length() > 64) {
            throw JsonFields.invalid("model", "'model' must be 1 to 64 characters, e.g. tts-1.");
        }
        if (!properties.models().contains(model)) {
            throw JsonFields.invalid("model", "'model' must be one of " + properties.models() + " (hub.capabilities.tts.models), was '"
                    + model + "'.");
        }
        String input = CanonicalRequest.normaliseText(JsonFields.text(body, "input").orElse(""));
        if (input.isEmpty()) {
            throw JsonFields.invalid("input", "'input' is required: the text to speak, 1 to "
                    + properties.maxInputLength() + " characters.");
        }
        int length = input.codePointCount(0, input.length());
        if (length > properties.maxInputLength()) {
            throw JsonFields.invalid("input", "'input' has " + length + " characters; at most "
                    + properties.maxInputLength() + " are allowed. Split the text into shorter requests.");
        }
        String voice = JsonFields.text(body, "voice").map(String::strip).orElse("");
        if (voice.isEmpty() || voices.find(voice).isEmpty()) {
            throw ProblemException.badRequest("unknown-voice", (voice.isEmpty()
                    ? "'voice' is required" : "Voice '" + voice + "' is not offered") + "; choose one of "
                    + voices.names() + ".").param("voice");
        }
        String format = JsonFields.text(body, "response_format").map(String::strip).orElse("mp3");
        if (!FORMATS.contains(format)) {
            throw JsonFields.invalid("response_format", "'response_format' must be one of " + FORMATS + ", was '"
                    + format + "'.");
        }
        double speed = JsonFields.number(body, "speed").orElse(1.0);
        if (!(speed >= 0.25 && speed <= 4.0)) {
            throw JsonFields.invalid("speed", "'speed' must be from 0.25 to 4.0, was " + speed + ".");
        }
        SpeechRequest speech = new SpeechRequest(model, input, voice.toLowerCase(Locale.ROOT), format, speed);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("model", speech.model());
        fields.put("input", speech.input());
        fields.put("voice", speech.voice());
        fields.put("response_format", speech.responseFormat());
        fields.put("speed", speech.speed());
        CanonicalRequest.describe(exchange, fields);
        exchange.setProperty(SPEECH, speech);
        return speech;
    }
}
