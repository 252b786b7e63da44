package com.wise.hub.pronunciation;

/**
 * One phoneme the model heard: a run of frames whose best class was {@code id}.
 *
 * @param id         the class id in the model's vocabulary
 * @param token      the phoneme, e.g. {@code ə}
 * @param firstFrame first frame of the run, inclusive
 * @param lastFrame  last frame of the run, inclusive
 */
public record RecognizedPhoneme(int id, String token, int firstFrame, int lastFrame) {
}
