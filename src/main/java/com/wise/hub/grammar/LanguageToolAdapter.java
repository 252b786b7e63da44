package com.wise.hub.grammar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.engine.EngineAnswers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Speaks LanguageTool's HTTP API for routes/grammar.yaml: the engine request {@code POST /v2/check} (form fields
 * {@code text}, {@code language}), and the client's answer {@code {language, matches, correctedText, truncated}}
 * from the engine's {@code matches}: each with its offset and length (UTF-16 code units of the text sent), message,
 * rule id, category id and best replacements. {@code correctedText} applies each match's first replacement, left to
 * right, skipping a match that overlaps one already applied.
 */
@Component("languageTool")
public class LanguageToolAdapter {

    private final ObjectMapper json;
    private final EngineAnswers answers;
    private final GrammarProperties properties;

    LanguageToolAdapter(ObjectMapper json, EngineAnswers answers, GrammarProperties properties) {
        this.json = json;
        this.answers = answers;
        this.properties = properties;
    }

    /** Replaces the body with the engine request (a form) and sets its {@code Content-Type}. */
    public void request(Exchange exchange, @ExchangeProperty(GrammarRequestReader.GRAMMAR) GrammarRequest r) {
        String form = "text=" + URLEncoder.encode(r.text(), StandardCharsets.UTF_8)
                + "&language=" + URLEncoder.encode(r.language(), StandardCharsets.UTF_8);
        exchange.getMessage().setBody(form.getBytes(StandardCharsets.US_ASCII));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
    }

    /**
     * Replaces the engine's answer with the client's.
     *
     * @throws com.wise.hub.problem.ProblemException 502 {@code engine-bad-answer} without a matches array, or with a
     *     match outside the text
     */
    public void answer(Exchange exchange, @ExchangeProperty(GrammarRequestReader.GRAMMAR) GrammarRequest r)
            throws JsonProcessingException {
        JsonNode answer = answers.readObject(exchange);
        JsonNode found = answer.get("matches");
        if (found == null || !found.isArray()) {
            throw answers.badAnswer(exchange, "it has no matches array");
        }
        String text = r.text();
        List<Map<String, Object>> matches = new ArrayList<>();
        for (JsonNode match : found) {
            if (matches.size() == properties.maxMatches()) {
                break;
            }
            JsonNode offset = match.get("offset");
            JsonNode length = match.get("length");
            if (offset == null || !offset.canConvertToInt() || length == null || !length.canConvertToInt()
                    || offset.asInt() < 0 || length.asInt() < 0 || offset.asInt() + length.asInt() > text.length()) {
                throw answers.badAnswer(exchange, "a match lies outside the text");
            }
            List<String> replacements = new ArrayList<>();
            for (JsonNode replacement : match.path("replacements")) {
                if (replacements.size() == properties.maxReplacements()) {
                    break;
                }
                if (replacement.path("value").isTextual()) {
                    replacements.add(replacement.get("value").asText());
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("offset", offset.asInt());
            out.put("length", length.asInt());
            out.put("message", match.path("message").asText(""));
            out.put("rule", match.path("rule").path("id").asText(""));
            out.put("category", match.path("rule").path("category").path("id").asText(""));
            out.put("replacements", replacements);
            matches.add(out);
        }
        String language = r.language();
        JsonNode detected = answer.path("language").path("detectedLanguage").path("code");
        JsonNode used = answer.path("language").path("code");
        if (GrammarRequestReader.AUTO.equals(language) && (detected.isTextual() || used.isTextual())) {
            language = detected.isTextual() ? detected.asText() : used.asText();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("language", language);
        result.put("matches", matches);
        result.put("correctedText", corrected(text, matches));
        result.put("truncated", found.size() > matches.size());
        exchange.getMessage().setBody(json.writeValueAsBytes(result));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    }

    /** The text with each match's first replacement, in offset order, overlapping matches after the first skipped. */
    static String corrected(String text, List<Map<String, Object>> matches) {
        List<Map<String, Object>> ordered = new ArrayList<>(matches);
        ordered.sort((a, b) -> Integer.compare((int) a.get("offset"), (int) b.get("offset")));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Map<String, Object> match : ordered) {
            int offset = (int) match.get("offset");
            @SuppressWarnings("unchecked")
            List<String> replacements = (List<String>) match.get("replacements");
            if (offset < at || replacements.isEmpty()) {
                continue;
            }
            out.append(text, at, offset).append(replacements.get(0));
            at = offset + (int) match.get("length");
        }
        return out.append(text, at, text.length()).toString();
    }
}
