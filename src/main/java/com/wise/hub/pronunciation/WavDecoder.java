package com.wise.hub.pronunciation;

import com.wise.hub.problem.ProblemException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads a RIFF/WAVE file of 16-bit PCM, mono or stereo, at any sample rate. Written here because
 * {@code javax.sound} rejects WAVs with extra chunks or an unknown data length that phones and
 * browsers produce, and cannot stop reading at a duration limit.
 */
final class WavDecoder {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final long UNKNOWN_LENGTH = 0xFFFFFFFFL;

    private WavDecoder() {
    }

    /**
     * Decodes the whole file.
     *
     * @param in          the file's bytes; read to the end of the data chunk, not closed
     * @param maxDuration longest recording accepted
     * @throws ProblemException 415 when the bytes are not WAV or not 16-bit PCM mono/stereo;
     *                          413 when the recording is longer than {@code maxDuration};
     *                          400 when the file is empty, truncated or holds no samples
     */
    static PcmAudio decode(InputStream in, Duration maxDuration) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] riff = new byte[12];
        int read = data.readNBytes(riff, 0, 12);
        if (read == 0) {
            throw ProblemException.badRequest("empty-file", "The file is empty; send a WAV recording.");
        }
        if (read < 12 || !ascii(riff, 0).equals("RIFF") || !ascii(riff, 8).equals("WAVE")) {
            throw ProblemException.unsupportedMediaType(
                    "The file is not a WAV (RIFF/WAVE) file; send WAV with 16-bit PCM samples, mono or stereo.");
        }
        WavFormat format = null;
        try {
            while (true) {
                String id = ascii(data.readNBytes(4), 0);
                long size = Integer.toUnsignedLong(Integer.reverseBytes(data.readInt()));
                if (id.equals("fmt ")) {
                    format = WavFormat.read(data, size);
                } else if (id.equals("data")) {
                    if (format == null) {
                        throw malformed("the data chunk comes before the fmt chunk");
                    }
                    return readSamples(data, format, size, maxDuration);
                } else {
                    data.skipNBytes(size + (size & 1));
                }
            }
        } catch (EOFException e) {
            throw malformed(format == null ? "it has no fmt chunk" : "it has no data chunk");
        }
    }

    private static PcmAudio readSamples(DataInputStream data, WavFormat format, long size, Duration maxDuration)
            throws IOException {
        long maxFrames = (long) Math.floor(maxDuration.toMillis() / 1000.0 * format.sampleRate());
        int frameBytes = 2 * format.channels();
        boolean lengthKnown = size != UNKNOWN_LENGTH && size != 0;
        if (lengthKnown && size / frameBytes > maxFrames) {
            throw tooLong(size / frameBytes / (double) format.sampleRate(), maxDuration);
        }
        long wanted = lengthKnown ? size / frameBytes : maxFrames + 1;
        byte[] bytes = data.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, wanted * frameBytes));
        int frames = bytes.length / frameBytes;
        if (frames > maxFrames) {
            throw tooLong(frames / (double) format.sampleRate(), maxDuration);
        }
        if (frames == 0) {
            throw ProblemException.badRequest("empty-audio", "The WAV file holds no samples; record some speech.");
        }
        float[][] channels = new float[format.channels()][frames];
        for (int i = 0, offset = 0; i < frames; i++) {
            for (int c = 0; c < format.channels(); c++, offset += 2) {
                short sample = (short) ((bytes[offset] & 0xFF) | (bytes[offset + 1] << 8));
                channels[c][i] = sample / 32768f;
            }
        }
        return new PcmAudio(format.sampleRate(), channels);
    }

    private static ProblemException tooLong(double seconds, Duration maxDuration) {
        return ProblemException.payloadTooLarge(String.format(Locale.ROOT,
                "The recording is %.1f s long; at most %d s can be assessed. Send a shorter recording.",
                seconds, maxDuration.toSeconds()));
    }

    static ProblemException malformed(String why) {
        return ProblemException.badRequest("malformed-audio", "The WAV file cannot be read: " + why + ".");
    }

    private static String ascii(byte[] bytes, int offset) {
        return bytes.length < offset + 4 ? "" : new String(bytes, offset, 4, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The fields of the fmt chunk the decoder needs. */
    private record WavFormat(int channels, int sampleRate) {

        static WavFormat read(DataInputStream data, long size) throws IOException {
            if (size < 16) {
                throw malformed("its fmt chunk is " + size + " bytes, shorter than 16");
            }
            byte[] fmt = data.readNBytes((int) size);
            if (fmt.length < size) {
                throw new EOFException();
            }
            if ((size & 1) == 1) {
                data.skipNBytes(1);
            }
            int tag = u16(fmt, 0);
            int channels = u16(fmt, 2);
            int sampleRate = (int) Integer.toUnsignedLong(u16(fmt, 4) | (u16(fmt, 6) << 16));
            int bits = u16(fmt, 14);
            if (tag == FORMAT_EXTENSIBLE && size >= 26) {
                tag = u16(fmt, 24);
            }
            if (tag != FORMAT_PCM) {
                throw ProblemException.unsupportedMediaType("The WAV file is encoded as " + encoding(tag)
                        + "; only 16-bit integer PCM is accepted. Convert it, e.g. ffmpeg -i in.wav -c:a pcm_s16le out.wav.");
            }
            if (bits != 16) {
                throw ProblemException.unsupportedMediaType("The WAV file has " + bits
                        + "-bit samples; only 16-bit PCM is accepted. Convert it, e.g. ffmpeg -i in.wav -c:a pcm_s16le out.wav.");
            }
            if (channels < 1 || channels > 2) {
                throw ProblemException.unsupportedMediaType("The WAV file has " + channels
                        + " channels; send mono or stereo.");
            }
            if (sampleRate < 8000 || sampleRate > 384000) {
                throw ProblemException.unsupportedMediaType("The WAV file's sample rate is " + sampleRate
                        + " Hz; send between 8000 and 384000 Hz (16000 Hz is best).");
            }
            return new WavFormat(channels, sampleRate);
        }

        private static String encoding(int tag) {
            return switch (tag) {
                case 3 -> "32-bit float";
                case 6 -> "A-law";
                case 7 -> "mu-law";
                case 0x11 -> "IMA ADPCM";
                case 0x55 -> "MP3";
                default -> "format " + tag;
            };
        }

        private static int u16(byte[] bytes, int offset) {
            return (bytes[offset] & 0xFF) | ((bytes[offset + 1] & 0xFF) << 8);
        }
    }
}
