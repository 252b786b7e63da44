package com.wise.hub.grammar;

import com.fasterxml.jackson.databind.JsonNode;
import com.wise.hub.cache.CanonicalRequest;
import com.wise.hub.web.JsonFields;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Checks a grammar request {@code {text, language}} (the JSON body {@code jsonRequest} read) and names it for the
 * cache and idempotency. {@code language} is a language code as LanguageTool knows it ({@code en-US}, {@code en},
 * {@code de-DE}, ...) or {@code auto} (the default: the engine detects it).
 */
@Component("grammarRequest")
public class GrammarRequestReader {

    /** Exchange property holding the checked {@link GrammarRequest}. */
    public static final String GRAMMAR = "hubGrammar";
    static final String AUTO = "auto";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");

    private final GrammarProperties properties;

    GrammarRequestReader(GrammarProperties properties) {
        this.properties = properties;
    }

    /**
     * @throws com.wise.hub.problem.ProblemException 400 {@code invalid-text} (missing, blank or too long),
     *     {@code invalid-language} (not a language code)
     */
    public GrammarRequest read(Exchange exchange) {
        JsonNode body = exchange.getMessage().getBody(JsonNode.class);
        // Checked as sent: match offsets must point into the client's own text (normalising it would move them).
        String text = JsonFields.text(body, "text").orElse("");
        if (text.isBlank()) {
            throw JsonFields.invalid("text", "'text' is required: the text to check, 1 to "
                    + properties.maxTextLength() + " characters.");
        }
        int length = text.codePointCount(0, text.length());
        if (length > properties.maxTextLength()) {
            throw JsonFields.invalid("text", "'text' has " + length + " characters; at most "
                    + properties.maxTextLength() + " are allowed. Check the text in parts.");
        }
        String language = JsonFields.text(body, "language").map(String::strip).filter(l -> !l.isEmpty()).orElse(AUTO);
        if (!language.equalsIgnoreCase(AUTO) && !LANGUAGE.matcher(language).matches()) {
            throw JsonFields.invalid("language", "'language' is a language code such as en-US, en-GB, de-DE or en, "
                    + "or auto (the default) to have it detected.");
        }
        language = language.equalsIgnoreCase(AUTO) ? AUTO : language;
        GrammarRequest request = new GrammarRequest(text, language);
        // The cache compares texts normalised (NFC, stripped), but offsets differ between two texts that normalise
        // alike: the exact text's hash is part of the key too.
        CanonicalRequest.describe(exchange, Map.of("text", text, "language", language,
                "exact", CanonicalRequest.sha256(text.getBytes(StandardCharsets.UTF_8))));
        exchange.setProperty(GRAMMAR, request);
        return request;
    }
}
