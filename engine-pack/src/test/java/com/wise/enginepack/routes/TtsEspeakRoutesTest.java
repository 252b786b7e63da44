package com.wise.enginepack.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.wise.enginepack.support.PackHttpTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** espeak-ng configured as the run script starts the Vietnamese engine: only tts-espeak, voice vi. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "pack.engines=tts-espeak",
        "pack.tts.espeak.default-voice=vi",
        "pack.exec.work-dir=target/test-work/espeak",
        "server.tomcat.basedir=target/test-tomcat/espeak"})
class TtsEspeakRoutesTest extends PackHttpTest {

    private static final String PATH = "/v1/audio/speech";

    @Test
    void speaksVietnameseByDefault() throws Exception {
        HttpResponse<byte[]> response = postJson(PATH, "{\"input\":\"Xin chào các bạn\",\"response_format\":\"wav\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/wav");
        AudioFileFormat format = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(response.body()));
        assertThat(format.getFormat().getSampleRate()).isEqualTo(22050f);
        assertThat(format.getFrameLength()).isGreaterThan(11025);
    }

    @Test
    void acceptsOpenAiAndFliteVoiceNamesAndEspeakLanguages() {
        for (String voice : new String[] {"alloy", "slt", "en-us", "vi+f2", "es"}) {
            HttpResponse<byte[]> response = postJson(PATH, "{\"input\":\"Hello\",\"voice\":\"" + voice + "\"}");

            assertThat(response.statusCode()).as(voice).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(voice).hasValue("audio/mpeg");
        }
    }

    @Test
    void unknownVoiceGets400() {
        HttpResponse<byte[]> response = postJson(PATH, "{\"input\":\"Hello\",\"voice\":\"xx-nowhere\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("message").asText()).contains("'xx-nowhere'");
    }

    @Test
    void servesOnlyTheSelectedEngine() {
        assertThat(json(get("/health")).get("engines").toString()).isEqualTo("[\"tts-espeak\"]");
        assertThat(postJson("/translate", "{\"q\":\"hello\",\"source\":\"en\",\"target\":\"es\"}").statusCode())
                .isEqualTo(404);
    }
}
