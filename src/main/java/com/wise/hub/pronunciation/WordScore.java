package com.wise.hub.pronunciation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * How one word was pronounced.
 *
 * @param word     the word of the reference text
 * @param score    0-100: the mean of its phoneme scores, extra phonemes heard inside it counting
 *                 as 0; null for a word without phonemes
 * @param phonemes its expected phonemes, in order
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"word", "score", "phonemes"})
public record WordScore(String word, Integer score, List<PhonemeScore> phonemes) {
}
