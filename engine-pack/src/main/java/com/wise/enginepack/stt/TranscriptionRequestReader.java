package com.wise.enginepack.stt;

import com.wise.enginepack.audio.Upload;
import com.wise.enginepack.error.EngineProblem;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Checks the OpenAI form fields a transcription needs ({@code language}, {@code response_format});
 * {@code model}, {@code prompt}, {@code temperature} and {@code timestamp_granularities[]} are
 * accepted and ignored, as pocketsphinx has no use for them.
 */
@Component("transcriptionRequests")
class TranscriptionRequestReader {

    static final List<String> FORMATS = List.of("json", "text", "verbose_json", "srt", "vtt");

    private final SttProperties properties;

    TranscriptionRequestReader(SttProperties properties) {
        this.properties = properties;
    }

    /**
     * The request, language defaulting to the first configured one and format to {@code json}.
     *
     * @throws EngineProblem 400 for an unknown response format or a language the models lack
     */
    public TranscriptionRequest read(@Body Upload upload,
                                     @Header("language") String language,
                                     @Header("response_format") String responseFormat) {
        String format = blank(responseFormat) ? "json" : responseFormat.strip();
        if (!FORMATS.contains(format)) {
            throw EngineProblem.badRequest("response_format '" + format + "' is not one of " + FORMATS);
        }
        String code = blank(language) ? properties.languages().get(0)
                : language.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        if (!properties.languages().contains(code)) {
            throw EngineProblem.badRequest("language '" + language + "' is not supported by this engine"
                    + " (pocketsphinx with the en-us models); supported: " + properties.languages());
        }
        return new TranscriptionRequest(upload, code, format);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
