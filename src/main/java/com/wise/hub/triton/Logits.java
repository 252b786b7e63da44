package com.wise.hub.triton;

/**
 * The acoustic model's output for one utterance: {@code frames} rows of {@code classes} raw
 * scores (before softmax), row-major, one row per frame of audio.
 *
 * @param frames  number of frames (T), one per {@code hub.triton.frame-duration} of audio
 * @param classes number of output classes (V), the size of the model's vocabulary
 * @param values  {@code frames * classes} scores; {@code values[t * classes + v]}
 */
public record Logits(int frames, int classes, float[] values) {

    public Logits {
        if (frames < 0 || classes <= 0 || (long) frames * classes != values.length) {
            throw new IllegalArgumentException("logits of " + values.length + " values cannot be " + frames + " x "
                    + classes);
        }
    }

    public float at(int frame, int cls) {
        return values[frame * classes + cls];
    }

    /** The class with the highest score in {@code frame}; the lowest id wins a tie. */
    public int argmax(int frame) {
        int offset = frame * classes;
        int best = 0;
        for (int v = 1; v < classes; v++) {
            if (values[offset + v] > values[offset + best]) {
                best = v;
            }
        }
        return best;
    }

    /** Softmax of one frame: the posterior probability of each class, summing to 1. */
    public double[] posteriors(int frame) {
        int offset = frame * classes;
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < classes; v++) {
            max = Math.max(max, values[offset + v]);
        }
        double[] p = new double[classes];
        double sum = 0;
        for (int v = 0; v < classes; v++) {
            p[v] = Math.exp(values[offset + v] - max);
            sum += p[v];
        }
        for (int v = 0; v < classes; v++) {
            p[v] /= sum;
        }
        return p;
    }
}
