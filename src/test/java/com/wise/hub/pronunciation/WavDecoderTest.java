package com.wise.hub.pronunciation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wise.hub.problem.ProblemException;
import com.wise.hub.support.TestWavs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class WavDecoderTest {

    private static final Duration MINUTE = Duration.ofSeconds(60);

    @Test
    void decodesMono16BitPcmWithExtraChunks() throws IOException {
        float[] samples = {0f, 0.5f, -0.5f, 0.25f};
        PcmAudio audio = decode(TestWavs.pcm16(22050, samples));
        assertThat(audio.sampleRate()).isEqualTo(22050);
        assertThat(audio.channels()).hasNumberOfRows(1);
        assertThat(audio.channels()[0]).containsExactly(new float[] {0f, 0.5f, -0.5f, 0.25f},
                org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void keepsStereoChannelsApart() throws IOException {
        PcmAudio audio = decode(TestWavs.pcm16(44100, new float[] {0.5f, 0.5f}, new float[] {-0.5f, -0.5f}));
        assertThat(audio.channels()).hasNumberOfRows(2);
        assertThat(audio.channels()[0][1]).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(audio.channels()[1][1]).isCloseTo(-0.5f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(audio.toMono()).containsExactly(new float[] {0f, 0f}, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void readsWavWithUnknownDataLength() throws IOException {
        byte[] wav = TestWavs.pcm16(16000, new float[1600]);
        // streaming writers put 0xFFFFFFFF in the data chunk's size
        int dataSize = wav.length - 3200 - 4;
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(dataSize, -1);
        assertThat(decode(wav).frames()).isEqualTo(1600);
    }

    @Test
    void rejectsBytesThatAreNotWavWith415() {
        assertProblem("ID3\u0004 this is an mp3".getBytes(StandardCharsets.ISO_8859_1), 415, "not a WAV");
    }

    @Test
    void rejectsFloatSamplesWith415() {
        assertProblem(TestWavs.wav(3, 32, 16000, 1, new byte[64]), 415, "32-bit float");
    }

    @Test
    void rejects24BitPcmWith415() {
        assertProblem(TestWavs.wav(1, 24, 16000, 1, new byte[60]), 415, "24-bit");
    }

    @Test
    void rejectsSixChannelsWith415() {
        assertProblem(TestWavs.wav(1, 16, 48000, 6, new byte[120]), 415, "6 channels");
    }

    @Test
    void rejectsRecordingsLongerThanTheLimitWith413() {
        byte[] wav = TestWavs.pcm16(8000, new float[8000 * 61]);
        assertProblem(wav, 413, "61.0 s");
    }

    @Test
    void acceptsExactlyTheLimit() throws IOException {
        assertThat(decode(TestWavs.pcm16(8000, new float[8000 * 60])).durationSeconds()).isEqualTo(60.0);
    }

    @Test
    void rejectsTooLongRecordingOfUnknownLengthWith413() {
        byte[] wav = TestWavs.pcm16(8000, new float[8000 * 61]);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(wav.length - 8000 * 61 * 2 - 4, -1);
        assertProblem(wav, 413, "at most 60 s");
    }

    @Test
    void rejectsAnEmptyDataChunkWith400() {
        assertProblem(TestWavs.pcm16(16000, new float[0]), 400, "no samples");
    }

    @Test
    void rejectsAnEmptyFileWith400() {
        assertProblem(new byte[0], 400, "empty");
    }

    @Test
    void rejectsAFileCutBeforeItsDataWith400() {
        byte[] wav = TestWavs.pcm16(16000, new float[10]);
        assertProblem(java.util.Arrays.copyOf(wav, 40), 400, "no data chunk");
    }

    private static PcmAudio decode(byte[] wav) throws IOException {
        return WavDecoder.decode(new ByteArrayInputStream(wav), MINUTE);
    }

    private static void assertProblem(byte[] wav, int status, String detail) {
        assertThatThrownBy(() -> decode(wav)).isInstanceOf(ProblemException.class)
                .asInstanceOf(InstanceOfAssertFactories.type(ProblemException.class))
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo(status);
                    assertThat(p.detail()).contains(detail);
                });
    }
}
