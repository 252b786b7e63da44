package com.wise.hub.pronunciation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WaveformNormalizerTest {

    @Test
    void givesZeroMeanAndUnitVariance() {
        float[] x = new float[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.3f + 0.05f * (float) Math.sin(i * 0.1);
        }
        float[] y = WaveformNormalizer.normalize(x);
        double mean = 0;
        for (float v : y) {
            mean += v;
        }
        mean /= y.length;
        double variance = 0;
        for (float v : y) {
            variance += (v - mean) * (v - mean);
        }
        variance /= y.length;
        assertThat(mean).isCloseTo(0, within(1e-4));
        assertThat(variance).isCloseTo(1, within(1e-3));
        assertThat(x[0]).isEqualTo(0.3f);
    }

    @Test
    void leavesSilenceSilent() {
        assertThat(WaveformNormalizer.normalize(new float[] {0.2f, 0.2f, 0.2f})).containsOnly(0f);
    }
}
