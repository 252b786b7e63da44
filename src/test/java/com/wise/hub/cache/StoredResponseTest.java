package com.wise.hub.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class StoredResponseTest {

    @Test
    void roundTripsEveryByteStatusTypeAndHeaders() {
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        StoredResponse response = new StoredResponse(201, "audio/mpeg", Map.of("X-Engine", "tts-2"), body);

        StoredResponse read = StoredResponse.decode(response.encode());

        assertThat(read.status()).isEqualTo(201);
        assertThat(read.contentType()).isEqualTo("audio/mpeg");
        assertThat(read.headers()).containsExactly(Map.entry("X-Engine", "tts-2"));
        assertThat(read.body()).isEqualTo(body);
    }

    @Test
    void keepsAMissingContentTypeMissing() {
        StoredResponse read = StoredResponse.decode(new StoredResponse(204, null, Map.of(), new byte[0]).encode());

        assertThat(read.contentType()).isNull();
        assertThat(read.body()).isEmpty();
    }

    @Test
    void rejectsBytesOfAnotherFormat() {
        assertThatThrownBy(() -> StoredResponse.decode(new byte[] {9, 0, 1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredResponse.decode(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void capturesOnlyTheKeptHeadersAndAppliesThemBack() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader("X-Engine", "translate-1");
        exchange.getMessage().setHeader("Authorization", "Bearer secret");

        StoredResponse response = StoredResponse.of(exchange.getMessage(), "{}".getBytes(), List.of("X-Engine", "X-Cache"));
        Exchange replay = new DefaultExchange(new DefaultCamelContext());
        response.applyTo(replay.getMessage());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsOnlyKeys("X-Engine");
        assertThat(replay.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(replay.getMessage().getHeader("X-Engine")).isEqualTo("translate-1");
        assertThat(replay.getMessage().getBody(String.class)).isEqualTo("{}");
    }
}
