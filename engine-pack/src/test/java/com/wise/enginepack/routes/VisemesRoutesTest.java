package com.wise.enginepack.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.wise.enginepack.support.Multipart;
import com.wise.enginepack.support.PackHttpTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VisemesRoutesTest extends PackHttpTest {

    @Test
    void timesTextWithFliteIntoContiguousCues() {
        HttpResponse<byte[]> response = postJson("/visemes", "{\"text\":\"Maybe five apples.\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertContiguousCues(body);
        assertThat(shapes(body)).startsWith("X").endsWith("X").contains("A", "G");
    }

    @Test
    void findsPhonesInAudioWithAllphoneDecoding() {
        byte[] wav = speak("Maybe five apples.", "wav");

        HttpResponse<byte[]> response = post("/visemes", new Multipart().file("file", "speech.wav", "audio/wav", wav));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertContiguousCues(body);
        assertThat(body.get("duration").asDouble()).isGreaterThan(1.0);
        assertThat(shapes(body)).startsWith("X").contains("A");
    }

    @Test
    void undecodableAudioGets422ProblemJson() {
        HttpResponse<byte[]> response = post("/visemes", new Multipart()
                .file("file", "speech.wav", "audio/wav", "definitely not audio".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("detail").asText()).contains("sox");
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void blankTextGets400() {
        HttpResponse<byte[]> response = postJson("/visemes", "{\"text\":\" \"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asText()).contains("'text'");
    }

    /** Cues run from 0 to the duration without gaps, never repeat a shape twice in a row, use A-H and X. */
    private static void assertContiguousCues(JsonNode body) {
        JsonNode cues = body.get("cues");
        assertThat(cues.size()).isGreaterThan(3);
        assertThat(cues.get(0).get("start").asDouble()).isZero();
        for (int i = 0; i < cues.size(); i++) {
            JsonNode cue = cues.get(i);
            assertThat(cue.get("value").asText()).matches("[A-HX]");
            assertThat(cue.get("end").asDouble()).isGreaterThan(cue.get("start").asDouble());
            if (i > 0) {
                assertThat(cue.get("start").asDouble()).isEqualTo(cues.get(i - 1).get("end").asDouble());
                assertThat(cue.get("value").asText()).isNotEqualTo(cues.get(i - 1).get("value").asText());
            }
        }
        assertThat(cues.get(cues.size() - 1).get("end").asDouble()).isEqualTo(body.get("duration").asDouble());
    }

    private static String shapes(JsonNode body) {
        StringBuilder shapes = new StringBuilder();
        body.get("cues").forEach(cue -> shapes.append(cue.get("value").asText()));
        return shapes.toString();
    }
}
