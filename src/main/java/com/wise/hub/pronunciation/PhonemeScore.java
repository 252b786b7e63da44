package com.wise.hub.pronunciation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How one expected phoneme was pronounced.
 *
 * @param expected   the phoneme the text calls for
 * @param recognized the phoneme heard in its place; null when it was not heard (deleted)
 * @param status     {@code correct}, {@code substituted} or {@code deleted}
 * @param score      0-100: 100 times the posterior-based goodness of the expected phoneme over
 *                   the frames aligned to it; 0 when deleted
 * @param start      start of the aligned frames, in seconds from the start of the audio; null when deleted
 * @param end        end of the aligned frames, in seconds; null when deleted
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"expected", "recognized", "status", "score", "start", "end"})
public record PhonemeScore(String expected, String recognized, String status, int score, Double start, Double end) {
}
