package com.wise.hub.translation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.engine.EngineAnswers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Speaks LibreTranslate for routes/translation.yaml: the engine request
 * {@code POST /translate {q, source, target, format: "text"}}, and the client's answer
 * {@code {translatedText, source, target}} from the engine's {@code {translatedText}} (with
 * {@code source} the language the engine detected when the client sent {@code auto}).
 */
@Component("libreTranslate")
public class LibreTranslateAdapter {

    private final ObjectMapper json;
    private final EngineAnswers answers;

    LibreTranslateAdapter(ObjectMapper json, EngineAnswers answers) {
        this.json = json;
        this.answers = answers;
    }

    /** Replaces the body with the engine request (JSON bytes) and sets its {@code Content-Type}. */
    public void request(Exchange exchange, @ExchangeProperty(TranslationRequestReader.TRANSLATION) TranslationRequest r)
            throws JsonProcessingException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("q", r.text());
        request.put("source", r.source());
        request.put("target", r.target());
        request.put("format", "text");
        exchange.getMessage().setBody(json.writeValueAsBytes(request));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
    }

    /**
     * Replaces the engine's answer with the client's.
     *
     * @throws com.wise.hub.problem.ProblemException 502 {@code engine-bad-answer} without a translatedText string
     */
    public void answer(Exchange exchange, @ExchangeProperty(TranslationRequestReader.TRANSLATION) TranslationRequest r)
            throws JsonProcessingException {
        JsonNode answer = answers.readObject(exchange);
        JsonNode translated = answer.get("translatedText");
        if (translated == null || !translated.isTextual()) {
            throw answers.badAnswer(exchange, "translatedText is missing or not a string");
        }
        String source = r.source();
        JsonNode detected = answer.path("detectedLanguage").path("language");
        if (TranslationRequestReader.AUTO.equals(source) && detected.isTextual()) {
            source = detected.asText();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("translatedText", translated.asText());
        result.put("source", source);
        result.put("target", r.target());
        exchange.getMessage().setBody(json.writeValueAsBytes(result));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    }
}
