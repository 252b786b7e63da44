package com.wise.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.wise.hub.support.FakeLlm;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Chat with a declared {@code cache-ttl}: only a JSON answer at {@code temperature: 0} is the same every time, so
 * only it is cached; any other temperature, no temperature, and every stream ask the engine each time.
 */
class ChatCacheRoutesTest extends HubHttpTest {

    static final String PATH = "/v1/chat/completions";
    static final RedisServer REDIS = new RedisServer().start();
    static final FakeLlm LLM = new FakeLlm("llm-1");

    @DynamicPropertySource
    static void engine(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", REDIS::url);
        registry.add("LLM_ENGINE_URL", LLM::url);
        registry.add("hub.capabilities.chat.cache-ttl", () -> "1h");
    }

    @AfterAll
    static void stop() {
        LLM.close();
        REDIS.stop();
    }

    @BeforeEach
    void fresh() {
        LLM.reset();
    }

    private static String chat(String extra) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":\"Cache " + extra.hashCode() + "\"}]" + extra + "}";
    }

    @Test
    void cachesAJsonAnswerAtTemperatureZero() throws Exception {
        String body = chat(",\"temperature\":0");
        HttpResponse<String> first = postJson(PATH, body);
        HttpResponse<String> second = postJson(PATH, body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(LLM.received()).hasSize(1);
    }

    @Test
    void asksTheEngineEachTimeAtAnyOtherTemperatureOrWhenStreamed() throws Exception {
        for (String extra : new String[] {",\"temperature\":0.7", "", ",\"temperature\":0,\"stream\":true"}) {
            LLM.always(extra.contains("stream") ? FakeLlm.Script.stream(2, Duration.ZERO, FakeLlm.End.DONE)
                    : FakeLlm.Script.answer("Hi"));
            postJson(PATH, chat(extra));
            HttpResponse<String> again = postJson(PATH, chat(extra));
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.headers().firstValue("X-Cache")).as(extra).isNotEqualTo(java.util.Optional.of("HIT"));
        }
        assertThat(LLM.received()).hasSize(6);
    }
}
