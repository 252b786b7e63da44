package com.wise.hub.pronunciation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Reads the phoneme route's answer, {@code {language, words:[{word, phonemes:[...]}]}}, into the
 * reference the recording is scored against, in the model's notation: stress and syllable marks
 * are dropped, and a long vowel the model's vocabulary lacks ({@code iː}) falls back to its short
 * form ({@code i}) when the vocabulary has that.
 */
@Component("referencePhonemes")
public class ReferencePhonemes {

    /** Exchange property: the reference, a {@code List<ReferenceWord>}. */
    public static final String WORDS = "hubReferenceWords";
    private static final String MARKS = "[ˈˌ.‿ \\t]";

    private final ObjectMapper json;
    private final PhonemeVocabulary vocabulary;

    ReferencePhonemes(ObjectMapper json, PhonemeVocabulary vocabulary) {
        this.json = json;
        this.vocabulary = vocabulary;
    }

    /**
     * Reads the phoneme route's answer from the body (JSON bytes, text or a parsed tree) and drops the
     * headers that route set for its own client ({@code X-Cache}, {@code X-Engine}).
     *
     * @throws ProblemException 400 {@code no-phonemes} when the text has nothing to pronounce
     */
    public void read(Exchange exchange) throws IOException {
        Object body = exchange.getMessage().getBody();
        JsonNode answer;
        if (body instanceof JsonNode node) {
            answer = node;
        } else if (body instanceof java.util.Map<?, ?> map) {
            answer = json.valueToTree(map);
        } else {
            try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
                answer = in == null ? json.createObjectNode() : json.readTree(in);
            }
        }
        exchange.getMessage().removeHeaders("X-Cache|X-Engine|X-Engine-Attempts|X-RateLimit-.*");
        List<ReferenceWord> words = new ArrayList<>();
        int phonemes = 0;
        for (JsonNode word : answer.path("words")) {
            List<String> expected = new ArrayList<>();
            for (JsonNode phoneme : word.path("phonemes")) {
                String token = normalize(phoneme.asText());
                if (!token.isEmpty()) {
                    expected.add(token);
                }
            }
            words.add(new ReferenceWord(word.path("word").asText(), expected));
            phonemes += expected.size();
        }
        if (phonemes == 0) {
            throw ProblemException.badRequest("no-phonemes",
                    "The text has no pronounceable words; send the sentence the student read.");
        }
        exchange.setProperty(WORDS, words);
    }

    String normalize(String phoneme) {
        String token = phoneme.replaceAll(MARKS, "");
        if (vocabulary.id(token) < 0 && token.endsWith("ː") && vocabulary.id(token.replace("ː", "")) >= 0) {
            return token.replace("ː", "");
        }
        return token;
    }
}
