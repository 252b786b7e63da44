package com.wise.hub.stt;

import static org.assertj.core.api.Assertions.assertThat;

import com.wise.hub.support.AudioSamples;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Recordings are recognised by their first bytes, whatever the client calls them. */
class AudioFormatTest {

    @Test
    void eachSupportedFormatIsRecognised() {
        assertThat(AudioFormat.sniff(head(AudioSamples.wav(64)))).contains(AudioFormat.WAV);
        assertThat(AudioFormat.sniff(head(AudioSamples.mp3Id3(64)))).contains(AudioFormat.MP3);
        assertThat(AudioFormat.sniff(head(AudioSamples.mp3Frame(64)))).contains(AudioFormat.MP3);
        assertThat(AudioFormat.sniff(head(AudioSamples.m4a(64)))).contains(AudioFormat.MP4);
        assertThat(AudioFormat.sniff(head(AudioSamples.ogg(64)))).contains(AudioFormat.OGG);
        assertThat(AudioFormat.sniff(head(AudioSamples.webm(64)))).contains(AudioFormat.WEBM);
        assertThat(AudioFormat.sniff(head(AudioSamples.flac(64)))).contains(AudioFormat.FLAC);
    }

    @Test
    void otherContentIsNotAudio() {
        assertThat(AudioFormat.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})).isEmpty();
        assertThat(AudioFormat.sniff("%PDF-1.7\n".getBytes())).isEmpty();
        assertThat(AudioFormat.sniff("hello there".getBytes())).isEmpty();
        assertThat(AudioFormat.sniff(new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'A', 'V', 'I', ' '})).isEmpty();
        assertThat(AudioFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80})).isEmpty();
        assertThat(AudioFormat.sniff(new byte[] {(byte) 0xFF})).isEmpty();
        assertThat(AudioFormat.sniff(new byte[0])).isEmpty();
    }

    private static byte[] head(byte[] sample) {
        return Arrays.copyOf(sample, AudioFormat.HEAD_LENGTH);
    }
}
