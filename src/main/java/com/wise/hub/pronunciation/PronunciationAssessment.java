package com.wise.hub.pronunciation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The answer of {@code POST /v1/pronunciation/assess}.
 *
 * @param overall 0-100 for the whole utterance: the mean of all phoneme scores, extra phonemes
 *                heard counting as 0
 * @param words   per word of the reference text, in order
 * @param model   the acoustic model that listened, as Triton named it
 */
@JsonPropertyOrder({"overall", "words", "model"})
public record PronunciationAssessment(int overall, List<WordScore> words, String model) {
}
