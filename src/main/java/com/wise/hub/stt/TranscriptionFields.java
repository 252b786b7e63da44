package com.wise.hub.stt;

import com.wise.hub.problem.ProblemException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Reads the form fields of a transcription request (they arrive as message headers) into a
 * {@link TranscriptionForm}, checking them against the OpenAI audio API: {@code language} an
 * ISO-639-1 code, {@code response_format} one of json, text, srt, verbose_json, vtt,
 * {@code temperature} between 0 and 1, {@code timestamp_granularities[]} word or segment, and a sane
 * {@code model} (one of {@code hub.capabilities.stt.models}) and {@code prompt}. Normalises {@code language} to lower case in the form it returns; it
 * changes nothing on the message.
 */
@Component("transcriptionFields")
public class TranscriptionFields {

    static final String MODEL = "model";
    static final String LANGUAGE = "language";
    static final String PROMPT = "prompt";
    static final String RESPONSE_FORMAT = "response_format";
    static final String TEMPERATURE = "temperature";
    static final String GRANULARITIES = "timestamp_granularities[]";

    private static final Set<String> FORMATS = Set.of("json", "text", "srt", "verbose_json", "vtt");
    private static final Set<String> GRANULARITY_VALUES = Set.of("word", "segment");
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");
    private static final int MAX_PROMPT = 4000;

    private final SttProperties properties;

    TranscriptionFields(SttProperties properties) {
        this.properties = properties;
    }

    /**
     * The checked form; the recording must already be checked ({@link TranscriptionUpload}).
     *
     * @throws ProblemException 400 {@code invalid-<field>} naming the field and what it accepts
     */
    public TranscriptionForm read(Exchange exchange) {
        Message message = exchange.getMessage();
        String model = single(message, MODEL);
        if (model != null && !MODEL_NAME.matcher(model).matches()) {
            throw invalid(MODEL, "'model' must be a model name of letters, digits and ._:/- (at most 128).");
        }
        if (model != null && !properties.models().contains(model)) {
            throw invalid(MODEL, "'model' must be one of " + properties.models() + " (hub.capabilities.stt.models), was '"
                    + model + "'.");
        }
        String language = single(message, LANGUAGE);
        if (language != null) {
            String code = language.toLowerCase(Locale.ROOT);
            if (!com.wise.hub.capability.Capabilities.ISO_639_1.contains(code)) {
                throw invalid(LANGUAGE, "'language' must be an ISO-639-1 code such as en or vi, was '"
                        + abbreviate(language) + "'.");
            }
            language = code;
        }
        String prompt = single(message, PROMPT);
        if (prompt != null && prompt.length() > MAX_PROMPT) {
            throw invalid(PROMPT, "'prompt' may be at most " + MAX_PROMPT + " characters, was " + prompt.length() + ".");
        }
        String format = single(message, RESPONSE_FORMAT);
        if (format != null && !FORMATS.contains(format)) {
            throw invalid(RESPONSE_FORMAT, "'response_format' must be one of json, text, srt, verbose_json, vtt, was '"
                    + abbreviate(format) + "'.");
        }
        String temperature = single(message, TEMPERATURE);
        if (temperature != null && !inUnitRange(temperature)) {
            throw invalid(TEMPERATURE, "'temperature' must be a number from 0 to 1, was '" + abbreviate(temperature)
                    + "'.");
        }
        List<String> granularities = granularities(message);
        for (String granularity : granularities) {
            if (!GRANULARITY_VALUES.contains(granularity)) {
                throw invalid("timestamp_granularities", "'timestamp_granularities[]' values must be word or segment,"
                        + " was '" + abbreviate(granularity) + "'.");
            }
        }
        return new TranscriptionForm(message.getBody(Path.class), model, language, prompt, format, temperature,
                granularities);
    }

    /** The values of the repeatable {@code timestamp_granularities[]} field, in order. */
    private static List<String> granularities(Message message) {
        Object value = message.getHeader(GRANULARITIES);
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(value.toString());
    }

    /** The value of a single-valued field, or null when absent or blank. */
    private static String single(Message message, String field) {
        Object value = message.getHeader(field);
        if (value instanceof List<?> list) {
            if (list.size() > 1) {
                throw invalid(field, "Send '" + field + "' once; it was sent " + list.size() + " times.");
            }
            value = list.isEmpty() ? null : list.get(0);
        }
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static boolean inUnitRange(String text) {
        try {
            double value = Double.parseDouble(text);
            return value >= 0 && value <= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static ProblemException invalid(String field, String detail) {
        return ProblemException.badRequest("invalid-" + field.replace('_', '-'), detail).param(field);
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
