package com.wise.hub.pronunciation;

/**
 * Decoded PCM audio: one array of samples per channel, each sample in [-1, 1).
 *
 * @param sampleRate samples per second per channel, in Hz
 * @param channels   {@code channels[c][i]} is sample {@code i} of channel {@code c}; all the same length
 */
public record PcmAudio(int sampleRate, float[][] channels) {

    public PcmAudio {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        if (channels.length == 0) {
            throw new IllegalArgumentException("audio needs at least one channel");
        }
        for (float[] channel : channels) {
            if (channel.length != channels[0].length) {
                throw new IllegalArgumentException("all channels must have the same number of samples");
            }
        }
    }

    /** Samples per channel. */
    public int frames() {
        return channels[0].length;
    }

    /** Length in seconds. */
    public double durationSeconds() {
        return (double) frames() / sampleRate;
    }

    /** The channels averaged into one; a mono recording is returned as it is. */
    public float[] toMono() {
        if (channels.length == 1) {
            return channels[0];
        }
        float[] mono = new float[frames()];
        for (float[] channel : channels) {
            for (int i = 0; i < mono.length; i++) {
                mono[i] += channel[i];
            }
        }
        float scale = 1f / channels.length;
        for (int i = 0; i < mono.length; i++) {
            mono[i] *= scale;
        }
        return mono;
    }
}
