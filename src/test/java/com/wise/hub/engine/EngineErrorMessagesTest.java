package com.wise.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

/** What of an engine's 4xx body a client may see. */
class EngineErrorMessagesTest {

    private final EngineErrorMessages messages = new EngineErrorMessages(new ObjectMapper(), catalog());

    @Test
    void usualErrorShapesGiveTheirMessage() {
        assertThat(extract("{\"error\":{\"message\":\"Audio file is too short\",\"type\":\"invalid_request_error\"}}"))
                .isEqualTo("Audio file is too short");
        assertThat(extract("{\"detail\":\"Unsupported language: xx\"}")).isEqualTo("Unsupported language: xx");
        assertThat(extract("{\"detail\":[{\"loc\":[\"body\",\"file\"],\"msg\":\"field required\"}]}"))
                .isEqualTo("field required");
        assertThat(extract("{\"message\":\"bad temperature\"}")).isEqualTo("bad temperature");
        assertThat(extract("model   not\nfound")).isEqualTo("model not found");
        assertThat(extract("")).isEqualTo("no reason given");
    }

    @Test
    void internalAddressesAreRemoved() {
        String message = extract("{\"detail\":\"cannot fetch http://minio.internal:9000/bucket/x from 10.2.3.4:8005,"
                + " ask stt-one.svc.cluster.local:8005 or stt-one.svc.cluster.local\"}");
        assertThat(message).doesNotContain("minio").doesNotContain("10.2.3.4").doesNotContain("svc.cluster")
                .doesNotContain("8005").contains("cannot fetch [url] from [address]");
    }

    @Test
    void longMessagesAreCut() {
        assertThat(extract("x".repeat(1000))).hasSize(EngineErrorMessages.MAX_LENGTH).endsWith("…");
    }

    private String extract(String body) {
        DefaultMessage message = new DefaultMessage(new DefaultCamelContext());
        message.setBody(body);
        return messages.extract(message);
    }

    private static EngineCatalog catalog() {
        EngineProperties.Defaults defaults = new EngineProperties.Defaults(Duration.ofSeconds(2),
                Duration.ofSeconds(30), 64, Duration.ofSeconds(60), "/health",
                new BreakerSettings(50, 10, 20, Duration.ofSeconds(30), 2));
        EngineProperties.Engine engine = new EngineProperties.Engine("http://stt-one.svc.cluster.local:8005", null,
                null, null, null, null, null, null);
        return new EngineCatalog(new EngineProperties(defaults, Map.of("stt-1", engine)));
    }
}
