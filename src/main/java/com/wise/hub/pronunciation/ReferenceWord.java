package com.wise.hub.pronunciation;

import java.util.List;

/**
 * A word of the reference text with the phonemes it should be pronounced with.
 *
 * @param word     the word as written
 * @param phonemes its IPA phonemes, in order, in the model's notation
 */
public record ReferenceWord(String word, List<String> phonemes) {

    public ReferenceWord {
        phonemes = List.copyOf(phonemes);
    }
}
