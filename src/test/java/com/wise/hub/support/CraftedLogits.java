package com.wise.hub.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Logits an acoustic model would emit for a known phoneme sequence: every frame gives its token a
 * high score and every other class 0, so the posterior of the token is close to 1. Used by the
 * unit tests and by the fake Triton server.
 */
public final class CraftedLogits {

    /** Score of the intended class in each frame; with 400 classes its posterior is above 0.9998. */
    public static final float HIGH = 15f;

    private CraftedLogits() {
    }

    /**
     * One token per frame: {@code frameTokens.get(t)} gets {@link #HIGH} in frame {@code t}.
     *
     * @param ids token to class id, e.g. a parsed vocab.json
     */
    public static float[] oneHot(Map<String, Integer> ids, int classes, List<String> frameTokens) {
        float[] values = new float[frameTokens.size() * classes];
        for (int t = 0; t < frameTokens.size(); t++) {
            Integer id = ids.get(frameTokens.get(t));
            if (id == null) {
                throw new IllegalArgumentException("token not in the vocabulary: " + frameTokens.get(t));
            }
            values[t * classes + id] = HIGH;
        }
        return values;
    }

    /**
     * Spreads {@code phonemes} evenly over {@code frames} frames: each phoneme holds two frames,
     * blanks ({@code <pad>}) fill the rest and separate every phoneme from the next.
     *
     * @throws IllegalArgumentException when the audio is too short for the phonemes
     */
    public static List<String> spread(List<String> phonemes, int frames) {
        int slot = phonemes.isEmpty() ? frames : frames / phonemes.size();
        if (slot < 3) {
            throw new IllegalArgumentException(frames + " frames are too few for " + phonemes.size() + " phonemes");
        }
        List<String> out = new ArrayList<>(frames);
        for (int t = 0; t < frames; t++) {
            int index = t / slot;
            int within = t % slot;
            boolean voiced = index < phonemes.size() && within >= 1 && within <= 2;
            out.add(voiced ? phonemes.get(index) : "<pad>");
        }
        return out;
    }

    /** Frames Wav2Vec2 makes of {@code samples} at 16 kHz: one per 20 ms after a 25 ms window. */
    public static int framesFor(long samples) {
        return samples < 400 ? 0 : (int) ((samples - 400) / 320 + 1);
    }
}
