package com.wise.hub.grammar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.engine.EngineAnswers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        List<GrammarMatch> matches = new ArrayList<>();
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
            matches.add(new GrammarMatch(offset.asInt(), length.asInt(), match.path("message").asText(""),
                    match.path("rule").path("id").asText(""), match.path("rule").path("category").path("id").asText(""),
                    List.copyOf(replacements)));
        }
        String language = r.language();
        JsonNode detected = answer.path("language").path("detectedLanguage").path("code");
        JsonNode used = answer.path("language").path("code");
        if (GrammarRequestReader.AUTO.equals(language) && (detected.isTextual() || used.isTextual())) {
            language = detected.isTextual() ? detected.asText() : used.asText();
        }
        GrammarAnswer result = new GrammarAnswer(language, matches, corrected(text, matches), found.size() > matches.size());
        exchange.getMessage().setBody(json.writeValueAsBytes(result));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    }

    /** The text with each match's first replacement, in offset order, overlapping matches after the first skipped. */
    static String corrected(String text, List<GrammarMatch> matches) {
        List<GrammarMatch> ordered = new ArrayList<>(matches);
        ordered.sort(Comparator.comparingInt(GrammarMatch::offset));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (GrammarMatch match : ordered) {
            if (match.offset() < at || match.replacements().isEmpty()) {
                continue;
            }
            out.append(text, at, match.offset()).append(match.replacements().get(0));
            at = match.offset() + match.length();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** One match as the client gets it (fields in this order). */
    record GrammarMatch(int offset, int length, String message, String rule, String category, List<String> replacements) {
    }

    /** The client's answer (fields in this order). */
    record GrammarAnswer(String language, List<GrammarMatch> matches, String correctedText, boolean truncated) {
    }
}
