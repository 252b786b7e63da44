package com.wise.hub.pronunciation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.wise.hub.support.TestWavs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SincResamplerTest {

    @Test
    void stereoToneAt44100KeepsDurationAndFrequencyAt16000() throws IOException {
        float[] left = TestWavs.tone(44100, 440, 2.0, 0.5);
        float[] right = TestWavs.tone(44100, 440, 2.0, 0.3);
        PcmAudio audio = WavDecoder.decode(new ByteArrayInputStream(TestWavs.pcm16(44100, left, right)),
                Duration.ofSeconds(60));

        float[] out = SincResampler.resample(audio.toMono(), 44100, 16000);

        assertThat(out.length / 16000.0).isCloseTo(2.0, within(1.0 / 16000));
        assertThat(peakFrequency(out, 16000, 50, 4000)).isCloseTo(440, within(0.5));
        assertThat(zeroCrossingFrequency(out, 16000)).isCloseTo(440, within(2.0));
        // amplitude (0.5 + 0.3) / 2 survives: the pass band has unit gain
        assertThat(rms(out, 1000, out.length - 1000)).isCloseTo(0.4 / Math.sqrt(2), within(0.005));
    }

    @Test
    void removesFrequenciesAboveTheNewNyquistInsteadOfFoldingThem() {
        // 11 kHz is above 8 kHz: without a low-pass it would alias to 5 kHz at full strength
        float[] tone = TestWavs.tone(44100, 11000, 1.0, 0.5);
        float[] out = SincResampler.resample(tone, 44100, 16000);
        double residual = rms(out, 1000, out.length - 1000);
        assertThat(20 * Math.log10(residual / (0.5 / Math.sqrt(2)))).isLessThan(-60);
    }

    @Test
    void upsamples8000To16000KeepingTheTone() {
        float[] out = SincResampler.resample(TestWavs.tone(8000, 1000, 1.0, 0.5), 8000, 16000);
        assertThat(out).hasSize(16000);
        assertThat(peakFrequency(out, 16000, 50, 7900)).isCloseTo(1000, within(1.0));
    }

    @Test
    void keepsTheSignalWhenTheRateIsAlready16000() {
        float[] in = {0.1f, 0.2f};
        assertThat(SincResampler.resample(in, 16000, 16000)).isSameAs(in);
    }

    @Test
    void keepsAConstantSignalConstant() {
        float[] in = new float[4410];
        java.util.Arrays.fill(in, 0.25f);
        for (float v : SincResampler.resample(in, 44100, 16000)) {
            assertThat(v).isCloseTo(0.25f, within(1e-5f));
        }
    }

    /** The frequency between {@code from} and {@code to} Hz with the most energy: a Hann-windowed FFT peak. */
    static double peakFrequency(float[] x, int rate, double from, double to) {
        int n = Integer.highestOneBit(x.length - 1) << 2;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < x.length; i++) {
            re[i] = x[i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (x.length - 1)));
        }
        fft(re, im);
        int best = -1;
        for (int k = (int) Math.ceil(from * n / rate); k <= Math.floor(to * n / rate); k++) {
            if (best < 0 || magnitude(re, im, k) > magnitude(re, im, best)) {
                best = k;
            }
        }
        // parabolic interpolation between the neighbouring bins
        double a = magnitude(re, im, best - 1);
        double b = magnitude(re, im, best);
        double c = magnitude(re, im, best + 1);
        double offset = 0.5 * (a - c) / (a - 2 * b + c);
        return (best + offset) * rate / n;
    }

    private static double magnitude(double[] re, double[] im, int k) {
        return Math.log(Math.hypot(re[k], im[k]) + 1e-12);
    }

    /** In-place iterative radix-2 FFT; the length must be a power of two. */
    private static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(angle * k);
                    double wi = Math.sin(angle * k);
                    int u = i + k;
                    int v = i + k + len / 2;
                    double xr = re[v] * wr - im[v] * wi;
                    double xi = re[v] * wi + im[v] * wr;
                    re[v] = re[u] - xr;
                    im[v] = im[u] - xi;
                    re[u] += xr;
                    im[u] += xi;
                }
            }
        }
    }

    private static double zeroCrossingFrequency(float[] x, int rate) {
        int crossings = 0;
        for (int n = 1; n < x.length; n++) {
            if ((x[n - 1] < 0) != (x[n] < 0)) {
                crossings++;
            }
        }
        return crossings / 2.0 / (x.length / (double) rate);
    }

    private static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int n = from; n < to; n++) {
            sum += x[n] * x[n];
        }
        return Math.sqrt(sum / (to - from));
    }
}
