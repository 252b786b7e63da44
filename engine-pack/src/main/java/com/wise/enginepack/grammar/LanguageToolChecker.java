package com.wise.enginepack.grammar;

import com.wise.enginepack.error.EngineProblem;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.RuleMatch;
import org.springframework.stereotype.Component;

/**
 * Grammar checking with LanguageTool's own library (engine "grammar"), answering as LanguageTool's HTTP server
 * does: {@code POST /v2/check} with the form fields {@code text} and {@code language} gives {@code {software,
 * language, matches}}, each match with its message (suggestion tags turned into quotes, as the server does),
 * replacements, offset and length in UTF-16 code units, and rule with category. One checker per language, made on
 * first use (loading the rules takes seconds) and used by one request at a time: JLanguageTool is not thread-safe.
 */
@Component("languageToolChecker")
class LanguageToolChecker {

    private static final String AUTO = "auto";

    private final GrammarProperties properties;
    private final Map<String, JLanguageTool> checkers = new ConcurrentHashMap<>();

    LanguageToolChecker(GrammarProperties properties) {
        this.properties = properties;
    }

    /** Loads the default language's rules and runs them once, so the first request does not pay for it. */
    public void warmUp() throws IOException {
        check("This are a test.", properties.defaultLanguage());
    }

    /**
     * The form of the exchange's body ({@code application/x-www-form-urlencoded}) checked.
     *
     * @throws EngineProblem 400 for a missing or over-long text, or a language LanguageTool has no rules for
     */
    public Map<String, Object> check(Exchange exchange) throws IOException {
        Map<String, String> form = form(exchange.getMessage().getBody(String.class));
        // The servlet reads a form's fields before Camel sees the body: platform-http hands them on as headers.
        for (String field : List.of("text", "language")) {
            String value = exchange.getMessage().getHeader(field, String.class);
            if (value != null) {
                form.putIfAbsent(field, value);
            }
        }
        String text = form.get("text");
        if (text == null) {
            throw EngineProblem.badRequest("Missing 'text' or 'data' parameter");
        }
        if (text.length() > properties.maxTextLength()) {
            throw EngineProblem.badRequest("Your text exceeds the limit of " + properties.maxTextLength()
                    + " characters (it's " + text.length() + " characters).");
        }
        String language = form.getOrDefault("language", AUTO);
        return check(text, language);
    }

    /** The languages served, as {@code GET /v2/languages} lists them. */
    public List<Map<String, String>> languages() {
        List<Map<String, String>> out = new ArrayList<>();
        for (Language language : Languages.get()) {
            out.add(Map.of("name", language.getName(), "code", language.getShortCode(),
                    "longCode", language.getShortCodeWithCountryAndVariant()));
        }
        return out;
    }

    private Map<String, Object> check(String text, String code) throws IOException {
        String wanted = AUTO.equalsIgnoreCase(code) ? properties.defaultLanguage() : code;
        if (!Languages.isLanguageSupported(wanted)) {
            throw EngineProblem.badRequest("'" + wanted + "' is not a language code known to LanguageTool");
        }
        Language language = Languages.getLanguageForShortCode(wanted);
        JLanguageTool checker = checkers.computeIfAbsent(language.getShortCodeWithCountryAndVariant(),
                key -> new JLanguageTool(language));
        List<RuleMatch> found;
        synchronized (checker) {
            found = checker.check(text);
        }
        List<Map<String, Object>> matches = new ArrayList<>();
        for (RuleMatch match : found) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("message", plain(match.getMessage()));
            out.put("shortMessage", plain(match.getShortMessage() == null ? "" : match.getShortMessage()));
            out.put("replacements", match.getSuggestedReplacements().stream().map(r -> Map.of("value", r)).toList());
            out.put("offset", match.getFromPos());
            out.put("length", match.getToPos() - match.getFromPos());
            Map<String, Object> category = Map.of("id", match.getRule().getCategory().getId().toString(),
                    "name", match.getRule().getCategory().getName());
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", match.getRule().getId());
            rule.put("description", match.getRule().getDescription());
            rule.put("issueType", match.getRule().getLocQualityIssueType().toString());
            rule.put("category", category);
            out.put("rule", rule);
            matches.add(out);
        }
        Map<String, Object> languageInfo = new LinkedHashMap<>();
        languageInfo.put("name", language.getName());
        languageInfo.put("code", language.getShortCodeWithCountryAndVariant());
        languageInfo.put("detectedLanguage", Map.of("name", language.getName(),
                "code", language.getShortCodeWithCountryAndVariant(), "confidence", 1.0));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("software", Map.of("name", "LanguageTool", "version", JLanguageTool.VERSION));
        answer.put("language", languageInfo);
        answer.put("matches", matches);
        return answer;
    }

    /** The message as LanguageTool's server writes it: {@code <suggestion>x</suggestion>} as “x”. */
    private static String plain(String message) {
        return message.replace("<suggestion>", "\u201c").replace("</suggestion>", "\u201d");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, value);
        }
        return fields;
    }
}
