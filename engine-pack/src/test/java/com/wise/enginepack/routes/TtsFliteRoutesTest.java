package com.wise.enginepack.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.wise.enginepack.support.PackHttpTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class TtsFliteRoutesTest extends PackHttpTest {

    private static final String PATH = "/v1/audio/speech";

    @Test
    void speaksWavAt16kHz() throws Exception {
        HttpResponse<byte[]> response = speech("{\"model\":\"tts-1\",\"input\":\"Good morning.\",\"voice\":\"slt\","
                + "\"response_format\":\"wav\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/wav");
        AudioFileFormat format = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(response.body()));
        assertThat(format.getFormat().getSampleRate()).isEqualTo(16000f);
        assertThat(format.getFrameLength()).isGreaterThan(8000);
    }

    @Test
    void defaultsToMp3LikeOpenAi() {
        HttpResponse<byte[]> response = speech("{\"input\":\"Good morning.\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        byte[] head = Arrays.copyOf(response.body(), 3);
        boolean id3 = new String(head, StandardCharsets.ISO_8859_1).equals("ID3");
        boolean frameSync = (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0;
        assertThat(id3 || frameSync).as("MP3 header").isTrue();
    }

    @Test
    void encodesFlacAndRawPcm() {
        HttpResponse<byte[]> flac = speech("{\"input\":\"Good morning.\",\"response_format\":\"flac\"}");
        HttpResponse<byte[]> pcm = speech("{\"input\":\"Good morning.\",\"response_format\":\"pcm\"}");

        assertThat(flac.headers().firstValue("Content-Type")).hasValue("audio/flac");
        assertThat(new String(flac.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("fLaC");
        assertThat(pcm.headers().firstValue("Content-Type")).hasValue("audio/pcm");
        assertThat(new String(pcm.body(), 0, 4, StandardCharsets.ISO_8859_1)).isNotEqualTo("RIFF");
        assertThat(pcm.body().length % 2).isZero();
    }

    @Test
    void speedChangesTheLengthOfTheSpeech() {
        int slow = speech("{\"input\":\"Good morning everyone.\",\"response_format\":\"wav\",\"speed\":0.5}").body().length;
        int fast = speech("{\"input\":\"Good morning everyone.\",\"response_format\":\"wav\",\"speed\":2.0}").body().length;

        assertThat(slow).isGreaterThan(fast * 3);
    }

    @Test
    void acceptsOpenAiVoiceNamesAsAliases() {
        HttpResponse<byte[]> response = speech("{\"input\":\"Hello.\",\"voice\":\"alloy\",\"response_format\":\"wav\"}");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void badRequestsGet400InOpenAiShape() {
        assertOpenAiError(speech("{\"input\":\"Hello.\",\"voice\":\"darth\"}"), "'darth'");
        assertOpenAiError(speech("{\"input\":\"   \"}"), "'input'");
        assertOpenAiError(speech("{\"input\":\"" + "a".repeat(4097) + "\"}"), "4097");
        assertOpenAiError(speech("{\"input\":\"Hello.\",\"response_format\":\"opus\"}"), "'opus'");
        assertOpenAiError(speech("{\"input\":\"Hello.\",\"response_format\":\"ogg\"}"), "'ogg'");
        assertOpenAiError(speech("{\"input\":\"Hello.\",\"speed\":5}"), "speed");
        assertOpenAiError(speech("{\"input\":\"Hello.\",\"speed\":\"fast\"}"), "'speed'");
        assertOpenAiError(speech("{\"input\": nope"), "not valid JSON");
    }

    private HttpResponse<byte[]> speech(String json) {
        return postJson(PATH, json);
    }

    private static void assertOpenAiError(HttpResponse<byte[]> response, String messagePart) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(response).get("error").get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(json(response).get("error").get("message").asText()).contains(messagePart);
    }
}
