package com.wise.hub.phonemes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wise.hub.engine.EngineAnswers;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Speaks the phonemizer contract (ours, docs/engines.md) for routes/phonemes.yaml: the engine
 * request {@code POST /phonemize {text, language}}, and the answer
 * {@code {language, words:[{word, phonemes:[...]}]}} from the engine's {@code {words:[...]}}.
 */
@Component("phonemizerEngine")
public class PhonemizerAdapter {

    private final ObjectMapper json;
    private final EngineAnswers answers;

    PhonemizerAdapter(ObjectMapper json, EngineAnswers answers) {
        this.json = json;
        this.answers = answers;
    }

    /** Replaces the body with the engine request (JSON bytes) and sets its {@code Content-Type}. */
    public void request(Exchange exchange, @ExchangeProperty(PhonemeRequestReader.PHONEMES) PhonemeRequest r)
            throws JsonProcessingException {
        exchange.getMessage().setBody(json.writeValueAsBytes(Map.of("text", r.text(), "language", r.language())));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
    }

    /**
     * Replaces the engine's answer with the client's: each word with its phonemes, nothing else.
     *
     * @throws com.wise.hub.problem.ProblemException 502 {@code engine-bad-answer} when words is not a list of
     *     {word, phonemes:[strings]}
     */
    public void answer(Exchange exchange, @ExchangeProperty(PhonemeRequestReader.PHONEMES) PhonemeRequest r)
            throws JsonProcessingException {
        JsonNode engineWords = answers.readObject(exchange).get("words");
        if (engineWords == null || !engineWords.isArray()) {
            throw answers.badAnswer(exchange, "words is missing or not a list");
        }
        ObjectNode result = json.createObjectNode().put("language", r.language());
        ArrayNode words = result.putArray("words");
        for (JsonNode word : engineWords) {
            JsonNode phonemes = word.get("phonemes");
            if (!word.path("word").isTextual() || phonemes == null || !phonemes.isArray()) {
                throw answers.badAnswer(exchange, "a word lacks its text or its phoneme list");
            }
            ArrayNode kept = json.createArrayNode();
            for (JsonNode phoneme : phonemes) {
                if (!phoneme.isTextual()) {
                    throw answers.badAnswer(exchange, "a phoneme is not a string");
                }
                kept.add(phoneme.asText());
            }
            words.addObject().put("word", word.get("word").asText()).set("phonemes", kept);
        }
        exchange.getMessage().setBody(json.writeValueAsBytes(result));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    }
}
