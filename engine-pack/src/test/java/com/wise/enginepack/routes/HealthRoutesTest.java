package com.wise.enginepack.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.wise.enginepack.support.PackHttpTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HealthRoutesTest extends PackHttpTest {

    @Test
    void reportsUpAndTheEnginesServed() {
        HttpResponse<byte[]> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("UP");
        assertThat(json(response).get("engines").toString())
                .isEqualTo("[\"stt\",\"tts-flite\",\"translate\",\"phonemes\",\"visemes\"]");
    }
}
