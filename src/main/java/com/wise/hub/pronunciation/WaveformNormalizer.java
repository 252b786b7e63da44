package com.wise.hub.pronunciation;

/**
 * Scales a waveform to zero mean and unit variance, the input the Wav2Vec2 feature extractor
 * expects: {@code (x - mean) / sqrt(variance + 1e-7)}. Silence stays silence (all zeros).
 */
final class WaveformNormalizer {

    private static final double EPSILON = 1e-7;

    private WaveformNormalizer() {
    }

    /** A new array; the input is not changed. */
    static float[] normalize(float[] samples) {
        if (samples.length == 0) {
            return samples;
        }
        double mean = 0;
        for (float s : samples) {
            mean += s;
        }
        mean /= samples.length;
        double variance = 0;
        for (float s : samples) {
            double d = s - mean;
            variance += d * d;
        }
        variance /= samples.length;
        double scale = 1 / Math.sqrt(variance + EPSILON);
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = (float) ((samples[i] - mean) * scale);
        }
        return out;
    }
}
