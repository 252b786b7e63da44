package com.wise.enginepack.tts;

import com.wise.enginepack.error.EngineProblem;
import java.util.List;
import org.springframework.stereotype.Component;

/** Checks an OpenAI speech request: input, response_format and speed (each engine checks the voice). */
@Component("speechRequests")
class SpeechRequestReader {

    static final List<String> FORMATS = List.of("mp3", "wav", "flac", "pcm");
    static final List<String> OPENAI_FORMATS = List.of("mp3", "opus", "aac", "flac", "wav", "pcm");

    private final TtsProperties properties;

    SpeechRequestReader(TtsProperties properties) {
        this.properties = properties;
    }

    /**
     * The speech to make; format defaults to {@code mp3} and speed to 1.0, as OpenAI's.
     *
     * @throws EngineProblem 400 for a missing body, empty or over-long input, an unknown or
     *     unavailable format (opus and aac: sox cannot write them), or speed outside 0.25 to 4.0
     */
    public Speech read(SpeechRequest request) {
        if (request == null) {
            throw EngineProblem.badRequest("send a JSON body with at least 'input'");
        }
        String text = request.input() == null ? "" : request.input().strip();
        if (text.isEmpty()) {
            throw EngineProblem.badRequest("'input' is required and must not be blank");
        }
        if (text.length() > properties.maxInputLength()) {
            throw EngineProblem.badRequest("'input' has " + text.length() + " characters; at most "
                    + properties.maxInputLength() + " are allowed");
        }
        String format = request.responseFormat() == null ? "mp3" : request.responseFormat().strip();
        if (!OPENAI_FORMATS.contains(format)) {
            throw EngineProblem.badRequest("response_format '" + format + "' is not one of " + OPENAI_FORMATS);
        }
        if (!FORMATS.contains(format)) {
            throw EngineProblem.badRequest("response_format '" + format + "' is not available from this engine"
                    + " (sox cannot write it); use one of " + FORMATS);
        }
        double speed = request.speed() == null ? 1.0 : request.speed();
        if (speed < 0.25 || speed > 4.0) {
            throw EngineProblem.badRequest("speed " + speed + " is outside 0.25 to 4.0");
        }
        return new Speech(text, request.voice() == null ? "" : request.voice().strip(), format, speed);
    }
}
