package com.wise.hub.pronunciation;

import com.wise.hub.triton.Logits;

/**
 * A goodness-of-pronunciation measure for CTC models: how sure the model is that the expected
 * phoneme was spoken over the frames aligned to it. Per frame it takes the posterior of the
 * expected phoneme among the non-blank classes, {@code P(e|f) / (1 - P(blank|f))}, so the blank
 * frames CTC models emit between phonemes do not dilute it; the goodness is the mean over the
 * frames, from 0 (never the expected phoneme) to 1 (certainly it).
 */
final class PosteriorGoodness {

    private static final double MIN_NON_BLANK = 1e-6;

    private PosteriorGoodness() {
    }

    /**
     * @param expectedId the expected phoneme's class id, or -1 when the model cannot output it (goodness 0)
     * @param firstFrame first aligned frame, inclusive
     * @param lastFrame  last aligned frame, inclusive
     */
    static double of(Logits logits, int blankId, int expectedId, int firstFrame, int lastFrame) {
        if (expectedId < 0 || lastFrame < firstFrame) {
            return 0;
        }
        double sum = 0;
        for (int f = firstFrame; f <= lastFrame; f++) {
            double[] p = logits.posteriors(f);
            sum += p[expectedId] / Math.max(MIN_NON_BLANK, 1 - p[blankId]);
        }
        double goodness = sum / (lastFrame - firstFrame + 1);
        return Double.isNaN(goodness) ? 0 : Math.min(1, Math.max(0, goodness));
    }
}
