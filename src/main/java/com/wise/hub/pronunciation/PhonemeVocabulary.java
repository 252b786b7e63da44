package com.wise.hub.pronunciation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The acoustic model's output classes: logit column {@code id} stands for {@code token(id)}, an
 * IPA phoneme or a special token. Read from a Hugging Face style {@code vocab.json} (token to id).
 * {@code <pad>} is the CTC blank; other tokens in angle brackets and the word delimiter {@code |}
 * are not phonemes and never appear in a decoded sequence.
 */
public final class PhonemeVocabulary {

    /** The CTC blank token of Wav2Vec2 CTC models. */
    public static final String BLANK = "<pad>";
    private static final String WORD_DELIMITER = "|";

    private final String[] tokens;
    private final Map<String, Integer> ids;
    private final boolean[] phoneme;
    private final int blank;

    private PhonemeVocabulary(String[] tokens, Map<String, Integer> ids) {
        this.tokens = tokens;
        this.ids = ids;
        this.blank = ids.get(BLANK);
        this.phoneme = new boolean[tokens.length];
        for (int id = 0; id < tokens.length; id++) {
            String token = tokens[id];
            phoneme[id] = !token.equals(WORD_DELIMITER) && !(token.startsWith("<") && token.endsWith(">"));
        }
    }

    /**
     * Parses {@code {"<pad>": 0, "a": 1, ...}}.
     *
     * @throws IllegalArgumentException when the ids are not exactly 0..n-1, a token is blank, or
     *                                  {@code <pad>} is missing
     */
    public static PhonemeVocabulary parse(InputStream json, ObjectMapper mapper, String source) throws IOException {
        Map<String, Integer> ids = mapper.readValue(json, new TypeReference<Map<String, Integer>>() { });
        String[] tokens = new String[ids.size()];
        for (Map.Entry<String, Integer> entry : ids.entrySet()) {
            Integer id = entry.getValue();
            if (entry.getKey().isEmpty() || id == null || id < 0 || id >= tokens.length || tokens[id] != null) {
                throw new IllegalArgumentException("vocabulary " + source + ": token '" + entry.getKey() + "' has id "
                        + id + "; ids must be 0.." + (tokens.length - 1) + ", each used once");
            }
            tokens[id] = entry.getKey();
        }
        if (!ids.containsKey(BLANK)) {
            throw new IllegalArgumentException("vocabulary " + source + " has no " + BLANK + " token (the CTC blank)");
        }
        return new PhonemeVocabulary(tokens, new HashMap<>(ids));
    }

    /** Number of classes; the model's logits must have this many columns. */
    public int size() {
        return tokens.length;
    }

    public int blankId() {
        return blank;
    }

    public String token(int id) {
        return tokens[id];
    }

    /** The id of {@code token}, or -1 when the model cannot output it. */
    public int id(String token) {
        return ids.getOrDefault(token, -1);
    }

    /** True for a phoneme; false for the blank, special tokens and the word delimiter. */
    public boolean isPhoneme(int id) {
        return phoneme[id];
    }

    @Override
    public String toString() {
        return "PhonemeVocabulary" + Arrays.toString(tokens);
    }
}
