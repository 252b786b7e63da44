package com.wise.hub.pronunciation;

/**
 * Changes the sample rate of a mono signal by band-limited interpolation: each output sample is
 * the input convolved with a Kaiser-windowed sinc low-pass filter whose cut-off sits just below
 * the lower of the two Nyquist frequencies, so downsampling does not fold high frequencies back
 * into the speech band. The filter is tabulated once and linearly interpolated between entries,
 * which serves any pair of rates (44100 to 16000 as well as 22050 or 8000 to 16000).
 *
 * <p>Written here because the JDK has no resampler; the method is J. O. Smith's "Digital Audio
 * Resampling" (CCRMA), with parameters chosen for speech recognition input.
 */
final class SincResampler {

    /** Half-length of the filter, in zero crossings of the sinc at the input rate. */
    private static final int ZERO_CROSSINGS = 24;
    /** Table entries per zero crossing; the interpolation error is far below 16-bit resolution. */
    private static final int STEPS = 512;
    /** Cut-off as a fraction of the lower Nyquist frequency: the transition band ends at Nyquist. */
    private static final double ROLLOFF = 0.92;
    /** Kaiser window shape: about 80 dB of stop-band attenuation. */
    private static final double KAISER_BETA = 8.0;

    private static final float[] KERNEL = kernel();

    private SincResampler() {
    }

    /**
     * Resamples {@code in} from {@code fromRate} to {@code toRate} Hz. The output has
     * {@code floor(in.length * toRate / fromRate)} samples, so the duration is kept; the same
     * rate returns the input unchanged.
     */
    static float[] resample(float[] in, int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + fromRate + " -> " + toRate);
        }
        if (fromRate == toRate) {
            return in;
        }
        int outLength = (int) ((long) in.length * toRate / fromRate);
        float[] out = new float[outLength];
        // scale < 1 widens the filter in input samples and lowers its cut-off below the output's Nyquist
        double scale = Math.min(1.0, (double) toRate / fromRate) * ROLLOFF;
        double halfWidth = ZERO_CROSSINGS / scale;
        for (int n = 0; n < outLength; n++) {
            double t = (double) n * fromRate / toRate;
            int first = Math.max(0, (int) Math.ceil(t - halfWidth));
            int last = Math.min(in.length - 1, (int) Math.floor(t + halfWidth));
            double sum = 0;
            double weights = 0;
            for (int k = first; k <= last; k++) {
                double w = kernelAt(Math.abs(t - k) * scale);
                sum += w * in[k];
                weights += w;
            }
            // dividing by the weights gives an exact unit gain at DC, also near the edges
            out[n] = weights == 0 ? 0f : (float) (sum / weights);
        }
        return out;
    }

    /** The windowed sinc at {@code x} zero crossings from its centre, by table interpolation. */
    private static double kernelAt(double x) {
        double position = x * STEPS;
        int index = (int) position;
        if (index >= KERNEL.length - 1) {
            return 0;
        }
        double fraction = position - index;
        return KERNEL[index] + fraction * (KERNEL[index + 1] - KERNEL[index]);
    }

    private static float[] kernel() {
        float[] table = new float[ZERO_CROSSINGS * STEPS + 2];
        double i0Beta = besselI0(KAISER_BETA);
        for (int i = 0; i < table.length; i++) {
            double x = (double) i / STEPS;
            double ratio = x / ZERO_CROSSINGS;
            if (ratio >= 1) {
                table[i] = 0f;
                continue;
            }
            double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double window = besselI0(KAISER_BETA * Math.sqrt(1 - ratio * ratio)) / i0Beta;
            table[i] = (float) (sinc * window);
        }
        return table;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; k < 50; k++) {
            term *= quarterSquare / (k * k);
            sum += term;
            if (term < sum * 1e-12) {
                break;
            }
        }
        return sum;
    }
}
