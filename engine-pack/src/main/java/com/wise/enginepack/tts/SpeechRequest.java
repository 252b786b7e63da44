package com.wise.enginepack.tts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON body of OpenAI's {@code POST /v1/audio/speech}; other fields ({@code instructions},
 * {@code stream_format}, ...) are ignored.
 *
 * @param model accepted and ignored: the process serves one engine
 * @param speed 0.25 to 4.0, default 1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpeechRequest(
        String model,
        String input,
        String voice,
        @JsonProperty("response_format") String responseFormat,
        Double speed) {
}
