package com.wise.enginepack.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.wise.enginepack.support.Multipart;
import com.wise.enginepack.support.PackHttpTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SttRoutesTest extends PackHttpTest {

    private static final String PATH = "/v1/audio/transcriptions";

    private static byte[] hello;

    @Test
    void transcribesSpeechAsJson() {
        HttpResponse<byte[]> response = post(PATH, audio(helloWav(), "hello.wav").field("model", "whisper-1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(response).get("text").asText()).isEqualTo("hello world");
    }

    @Test
    void answersPlainText() {
        HttpResponse<byte[]> response = post(PATH, audio(helloWav(), "hello.wav").field("response_format", "text"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hello world\n");
    }

    @Test
    void verboseJsonGivesSegmentsAndWordTimes() {
        HttpResponse<byte[]> response = post(PATH, audio(helloWav(), "hello.wav")
                .field("response_format", "verbose_json").field("language", "en"));

        JsonNode body = json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("language").asText()).isEqualTo("english");
        assertThat(body.get("text").asText()).isEqualTo("hello world");
        double duration = body.get("duration").asDouble();
        assertThat(duration).isGreaterThan(0.5);
        JsonNode words = body.get("words");
        assertThat(words).hasSize(2);
        assertThat(words.get(0).get("word").asText()).isEqualTo("hello");
        assertThat(words.get(0).get("start").asDouble()).isLessThan(words.get(0).get("end").asDouble());
        assertThat(words.get(0).get("end").asDouble()).isLessThanOrEqualTo(words.get(1).get("start").asDouble());
        assertThat(words.get(1).get("end").asDouble()).isLessThanOrEqualTo(duration);
        JsonNode segment = body.get("segments").get(0);
        assertThat(segment.get("text").asText()).isEqualTo("hello world");
        assertThat(segment.get("start").asDouble()).isEqualTo(words.get(0).get("start").asDouble());
    }

    @Test
    void writesSubRipAndWebVtt() {
        String srt = new String(post(PATH, audio(helloWav(), "a.wav").field("response_format", "srt")).body(),
                StandardCharsets.UTF_8);
        String vtt = new String(post(PATH, audio(helloWav(), "a.wav").field("response_format", "vtt")).body(),
                StandardCharsets.UTF_8);

        assertThat(srt).matches("(?s)1\\n00:00:\\d\\d,\\d{3} --> 00:00:\\d\\d,\\d{3}\\nhello world\\n\\n");
        assertThat(vtt).matches("(?s)WEBVTT\\n\\n00:00:\\d\\d\\.\\d{3} --> 00:00:\\d\\d\\.\\d{3}\\nhello world\\n\\n");
    }

    @Test
    void decodesMp3RecognisedByItsBytes() {
        byte[] mp3 = speak("Hello world.", "mp3");

        HttpResponse<byte[]> response = post(PATH, audio(mp3, "recording", "application/octet-stream"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("text").asText()).isEqualTo("hello world");
    }

    @Test
    void garbageAudioGets422WithTheEngineReasonAndTheServerStaysHealthy() {
        byte[] garbage = new byte[4000];
        new Random(7).nextBytes(garbage);

        HttpResponse<byte[]> response = post(PATH, audio(garbage, "noise.wav"));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalid_audio");
        assertThat(error.get("message").asText()).contains("sox FAIL").contains("RIFF header not found")
                .doesNotContain("/tmp").doesNotContain("target/");
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(post(PATH, audio(helloWav(), "hello.wav")).statusCode()).isEqualTo(200);
    }

    @Test
    void missingEmptyOrNonMultipartUploadsGet400() {
        HttpResponse<byte[]> noFile = post(PATH, new Multipart().field("model", "whisper-1"));
        HttpResponse<byte[]> empty = post(PATH, audio(new byte[0], "empty.wav"));
        HttpResponse<byte[]> notMultipart = postJson(PATH, "{\"file\":\"x\"}");

        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(json(noFile).get("error").get("message").asText()).contains("'file'");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).get("error").get("message").asText()).contains("empty");
        assertThat(notMultipart.statusCode()).isEqualTo(400);
        assertThat(json(notMultipart).get("error").get("message").asText()).contains("multipart/form-data");
    }

    @Test
    void unsupportedLanguageOrFormatGets400() {
        HttpResponse<byte[]> vietnamese = post(PATH, audio(helloWav(), "a.wav").field("language", "vi"));
        HttpResponse<byte[]> format = post(PATH, audio(helloWav(), "a.wav").field("response_format", "xml"));

        assertThat(vietnamese.statusCode()).isEqualTo(400);
        assertThat(json(vietnamese).get("error").get("message").asText()).contains("'vi'");
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(json(format).get("error").get("message").asText()).contains("'xml'");
    }

    @Test
    void formFieldsAreNotEchoedAsResponseHeaders() {
        HttpResponse<byte[]> response = post(PATH, audio(helloWav(), "a.wav")
                .field("model", "whisper-1").field("language", "en"));

        assertThat(response.headers().map().keySet()).doesNotContain("model", "language", "response_format");
    }

    @Test
    void leavesNoTemporaryFilesAfterSuccessOrFailure() {
        List<Path> before = leftoverFiles();

        post(PATH, audio(helloWav(), "a.wav"));
        post(PATH, audio("not audio".getBytes(StandardCharsets.UTF_8), "a.mp3"));
        post(PATH, audio(helloWav(), "a.wav").field("language", "vi"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(leftoverFiles()).isSubsetOf(before));
    }

    /** flite's "Hello world." as WAV, made once (Camel starts its routes only before the first test). */
    private byte[] helloWav() {
        if (hello == null) {
            hello = speak("Hello world.", "wav");
        }
        return hello;
    }

    private static Multipart audio(byte[] bytes, String filename) {
        return audio(bytes, filename, "audio/wav");
    }

    private static Multipart audio(byte[] bytes, String filename, String contentType) {
        return new Multipart().file("file", filename, contentType, bytes);
    }
}
