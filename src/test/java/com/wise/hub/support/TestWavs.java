package com.wise.hub.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV files in memory for tests: 16-bit PCM, any rate and channel count. */
public final class TestWavs {

    private TestWavs() {
    }

    /** A canonical RIFF/WAVE file of 16-bit PCM; {@code channels[c][i]} in [-1, 1]. */
    public static byte[] pcm16(int sampleRate, float[]... channels) {
        return wav(1, 16, sampleRate, channels.length, pcmData(channels));
    }

    /** A WAV with any header values and the given data chunk, to test what the decoder rejects. */
    public static byte[] wav(int formatTag, int bits, int sampleRate, int channelCount, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        int blockAlign = channelCount * Math.max(1, bits / 8);
        fmt.putShort((short) formatTag).putShort((short) channelCount).putInt(sampleRate)
                .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        byte[] list = "INFOISFT\u0004\u0000\u0000\u0000test".getBytes(StandardCharsets.ISO_8859_1);
        writeAscii(out, "RIFF");
        writeInt(out, 4 + (8 + 16) + (8 + list.length) + (8 + data.length));
        writeAscii(out, "WAVE");
        writeAscii(out, "fmt ");
        writeInt(out, 16);
        out.writeBytes(fmt.array());
        // an extra chunk before the data, as many recorders write
        writeAscii(out, "LIST");
        writeInt(out, list.length);
        out.writeBytes(list);
        writeAscii(out, "data");
        writeInt(out, data.length);
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** Interleaved 16-bit little-endian samples. */
    public static byte[] pcmData(float[]... channels) {
        int frames = channels[0].length;
        ByteBuffer data = ByteBuffer.allocate(frames * channels.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (float[] channel : channels) {
                data.putShort((short) Math.max(-32768, Math.min(32767, Math.round(channel[i] * 32767))));
            }
        }
        return data.array();
    }

    /** A sine of {@code hz} at {@code amplitude}, {@code seconds} long. */
    public static float[] tone(int sampleRate, double hz, double seconds, double amplitude) {
        float[] samples = new float[(int) Math.round(sampleRate * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / sampleRate));
        }
        return samples;
    }

    private static void writeAscii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }
}
