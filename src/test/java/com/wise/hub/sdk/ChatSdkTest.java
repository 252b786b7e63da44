package com.wise.hub.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.models.Model;
import com.wise.hub.support.FakeLlm;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Chat completions through the official OpenAI Java SDK, unchanged, with the hub's /v1 as its base URL: a JSON
 * answer, a stream read chunk by chunk, the model list, a 400 whose message the SDK shows, a stream broken after its
 * first tokens, which the SDK raises instead of ending it as if it were complete, and streams begun with heartbeats
 * while the engine was slow: read as usual, or raised when no engine answered.
 */
class ChatSdkTest extends HubHttpTest {

    static final RedisServer REDIS = new RedisServer().start();
    static final FakeLlm LLM = new FakeLlm("llm-1");

    private OpenAIClient client;

    @DynamicPropertySource
    static void engine(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", REDIS::url);
        registry.add("LLM_ENGINE_URL", LLM::url);
        registry.add("hub.capabilities.chat.idle-timeout", () -> "1s");
        registry.add("hub.capabilities.chat.first-token-timeout", () -> "1s");
        registry.add("hub.capabilities.chat.commit-after", () -> "300ms");
    }

    @AfterAll
    static void stop() {
        LLM.close();
        REDIS.stop();
    }

    @BeforeEach
    void sdk() {
        LLM.reset();
        client = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + port + "/v1").apiKey("not-used-auth-off")
                .maxRetries(0).timeout(Duration.ofSeconds(20)).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static ChatCompletionCreateParams.Builder hello() {
        return ChatCompletionCreateParams.builder().model("wise-chat").addUserMessage("Say hello").maxCompletionTokens(64);
    }

    @Test
    void createsACompletion() {
        ChatCompletion completion = client.chat().completions().create(hello().temperature(0.3).build());

        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().get(0).message().content()).hasValue("Hello there!");
        assertThat(completion.model()).isEqualTo("wise-chat");
        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(3);
        assertThat(LLM.received().get(0).body().path("max_tokens").asInt()).isEqualTo(64);
    }

    @Test
    void streamsChunkByChunk() {
        LLM.always(FakeLlm.Script.stream(5, Duration.ofMillis(20), FakeLlm.End.DONE));
        List<String> parts = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(hello().build())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(parts::add)));
        }

        assertThat(parts).containsExactly("w0 ", "w1 ", "w2 ", "w3 ", "w4 ");
    }

    @Test
    void listsTheModels() {
        List<String> ids = client.models().list().data().stream().map(Model::id).toList();

        assertThat(ids).contains("wise-chat");
    }

    @Test
    void showsTheHubsMessageForABadRequest() {
        BadRequestException e = catchThrowableOfType(BadRequestException.class,
                () -> client.chat().completions().create(hello().model("gpt-9").build()));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.getMessage()).contains("Model 'gpt-9' is not served here", "wise-chat");
    }

    @Test
    void raisesAStreamThatBrokeAfterItsFirstTokens() {
        LLM.always(FakeLlm.Script.stream(3, Duration.ZERO, FakeLlm.End.CUT));
        List<String> parts = new ArrayList<>();

        Throwable broken = catchThrowable(() -> {
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(hello().build())) {
                stream.stream().forEach(chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(parts::add)));
            }
        });

        assertThat(parts).containsExactly("w0 ", "w1 ", "w2 ");
        assertThat(broken).isInstanceOf(OpenAIException.class).hasMessageContaining("incomplete");
    }

    @Test
    void readsAStreamBegunWithHeartbeatsWhileTheEngineWasSlow() throws Exception {
        LLM.hold().always(FakeLlm.Script.stream(2, Duration.ZERO, FakeLlm.End.DONE));
        Thread release = new Thread(() -> {
            LockSupport.parkNanos(Duration.ofMillis(800).toNanos());
            LLM.release();
        });
        release.start();
        List<String> parts = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(hello().build())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(parts::add)));
        }
        release.join();

        assertThat(parts).as("the heartbeats before the first token are comments the SDK skips").containsExactly("w0 ", "w1 ");
    }

    @Test
    void raisesAStreamBegunWhileWaitingWhenNoEngineAnswers() {
        LLM.always(FakeLlm.Script.silent());

        Throwable failed = catchThrowable(() -> {
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(hello().build())) {
                stream.stream().forEach(chunk -> { });
            }
        });

        assertThat(failed).isInstanceOf(OpenAIException.class).hasMessageContaining("No chat engine answered in time");
    }
}
