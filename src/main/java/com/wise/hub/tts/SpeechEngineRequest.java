package com.wise.hub.tts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The request every TTS engine of a voice gets: OpenAI's speech JSON with the voice renamed to the
 * catalogue's engine voice, and {@code stream: false} (Kokoro-FastAPI streams by default; the hub
 * needs the whole audio to cache it). Sets the body (bytes) and {@code Content-Type}.
 */
@Component("speechEngineRequest")
public class SpeechEngineRequest {

    private final ObjectMapper json;
    private final TtsProperties properties;

    SpeechEngineRequest(ObjectMapper json, TtsProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    public void build(Exchange exchange, @ExchangeProperty(SpeechRequestReader.SPEECH) SpeechRequest speech)
            throws JsonProcessingException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("model", speech.model());
        request.put("input", speech.input());
        request.put("voice", properties.voices().get(speech.voice()).engineVoice());
        request.put("response_format", speech.responseFormat());
        request.put("speed", speech.speed());
        request.put("stream", false);
        exchange.getMessage().setBody(json.writeValueAsBytes(request));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
    }
}
