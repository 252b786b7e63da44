package com.wise.hub.phonemes;

import com.fasterxml.jackson.databind.JsonNode;
import com.wise.hub.cache.CanonicalRequest;
import com.wise.hub.web.JsonFields;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Checks a phoneme request {@code {text, language}} (the JSON body {@code jsonRequest} read) and
 * names it for the cache and idempotency (kind {@code phonemes}).
 */
@Component("phonemeRequest")
public class PhonemeRequestReader {

    /** Exchange property holding the checked {@link PhonemeRequest}. */
    public static final String PHONEMES = "hubPhonemes";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8}){0,2}");

    private final PhonemesProperties properties;

    PhonemeRequestReader(PhonemesProperties properties) {
        this.properties = properties;
    }

    /**
     * @throws com.wise.hub.problem.ProblemException 400 {@code invalid-text} (missing, blank or too long)
     *     or {@code invalid-language}
     */
    public PhonemeRequest read(Exchange exchange) {
        JsonNode body = exchange.getMessage().getBody(JsonNode.class);
        String text = CanonicalRequest.normaliseText(JsonFields.text(body, "text").orElse(""));
        if (text.isEmpty()) {
            throw JsonFields.invalid("text", "'text' is required: the words to transcribe into phonemes, 1 to "
                    + properties.maxTextLength() + " characters.");
        }
        int length = text.codePointCount(0, text.length());
        if (length > properties.maxTextLength()) {
            throw JsonFields.invalid("text", "'text' has " + length + " characters; at most "
                    + properties.maxTextLength() + " are allowed.");
        }
        String given = JsonFields.text(body, "language").filter(s -> !s.isBlank()).orElse(properties.defaultLanguage());
        String language = given.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (!LANGUAGE.matcher(language).matches()) {
            throw JsonFields.invalid("language", "'language' must be a language code such as en, en-gb or vi, was '"
                    + given + "'.");
        }
        PhonemeRequest request = new PhonemeRequest(text, language);
        CanonicalRequest.describe(exchange, Map.of("text", text, "language", language));
        exchange.setProperty(PHONEMES, request);
        return request;
    }
}
