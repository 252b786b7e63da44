package com.wise.hub.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.wise.hub.cache.CanonicalRequest;
import com.wise.hub.web.JsonFields;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Checks a translation request {@code {text, source, target}} (the JSON body {@code jsonRequest}
 * read) and names it for the cache and idempotency (kind {@code translate}). {@code source} may be
 * {@code auto} or absent (the engine detects the language).
 */
@Component("translationRequest")
public class TranslationRequestReader {

    /** Exchange property holding the checked {@link TranslationRequest}. */
    public static final String TRANSLATION = "hubTranslation";
    static final String AUTO = "auto";

    private final TranslationProperties properties;

    TranslationRequestReader(TranslationProperties properties) {
        this.properties = properties;
    }

    /**
     * @throws com.wise.hub.problem.ProblemException 400 {@code invalid-text} (missing, blank or too long),
     *     {@code invalid-source}, {@code invalid-target} (malformed, missing, or {@code auto})
     */
    public TranslationRequest read(Exchange exchange) {
        JsonNode body = exchange.getMessage().getBody(JsonNode.class);
        String text = CanonicalRequest.normaliseText(JsonFields.text(body, "text").orElse(""));
        if (text.isEmpty()) {
            throw JsonFields.invalid("text", "'text' is required: the text to translate, 1 to "
                    + properties.maxTextLength() + " characters.");
        }
        int length = text.codePointCount(0, text.length());
        if (length > properties.maxTextLength()) {
            throw JsonFields.invalid("text", "'text' has " + length + " characters; at most "
                    + properties.maxTextLength() + " are allowed. Split the text into shorter requests.");
        }
        String source = JsonFields.text(body, "source").filter(s -> !s.isBlank()).orElse(AUTO);
        source = source.strip().equalsIgnoreCase(AUTO) ? AUTO : LanguageCodes.check("source", source);
        String target = JsonFields.text(body, "target").filter(s -> !s.isBlank()).orElseThrow(() ->
                JsonFields.invalid("target", "'target' is required: the language to translate into, e.g. vi."));
        target = LanguageCodes.check("target", target);
        TranslationRequest request = new TranslationRequest(text, source, target);
        CanonicalRequest.describe(exchange, Map.of("text", text, "source", source, "target", target));
        exchange.setProperty(TRANSLATION, request);
        return request;
    }
}
