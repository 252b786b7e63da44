package com.wise.hub.stt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The file name an engine sees: the client's, without directories, or a neutral one. */
class TranscriptionEngineRequestTest {

    @Test
    void plainNamesAreKeptWithoutDirectories() {
        assertThat(TranscriptionEngineRequest.fileName("lesson 3.m4a", AudioFormat.MP4)).isEqualTo("lesson 3.m4a");
        assertThat(TranscriptionEngineRequest.fileName("C:\\Users\\an\\rec.wav", AudioFormat.WAV)).isEqualTo("rec.wav");
        assertThat(TranscriptionEngineRequest.fileName("../../etc/take.ogg", AudioFormat.OGG)).isEqualTo("take.ogg");
    }

    @Test
    void oddOrMissingNamesBecomeAudioWithTheFormatsExtension() {
        assertThat(TranscriptionEngineRequest.fileName(null, AudioFormat.MP3)).isEqualTo("audio.mp3");
        assertThat(TranscriptionEngineRequest.fileName("x\"; name=\"y.wav", AudioFormat.WAV)).isEqualTo("audio.wav");
        assertThat(TranscriptionEngineRequest.fileName(".hidden", AudioFormat.FLAC)).isEqualTo("audio.flac");
        assertThat(TranscriptionEngineRequest.fileName("bài học.webm", AudioFormat.WEBM)).isEqualTo("audio.webm");
    }
}
