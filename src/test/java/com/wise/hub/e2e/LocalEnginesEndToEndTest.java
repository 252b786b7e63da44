package com.wise.hub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.support.EnginePackProcess;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.MultipartBody;
import com.wise.hub.support.RedisServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub against real engines: the local engine pack (flite and espeak-ng TTS, pocketsphinx STT,
 * apertium translation, espeak-ng phonemes) as child processes, and a real Redis. Nothing here is
 * faked; this is what a newcomer runs with scripts/run.sh.
 */
class LocalEnginesEndToEndTest extends HubHttpTest {

    static final RedisServer REDIS = new RedisServer().start();
    static final EnginePackProcess STT_1 = new EnginePackProcess("stt").start();
    static final EnginePackProcess STT_2 = new EnginePackProcess("stt").start();
    static final EnginePackProcess FLITE_AND_TEXT = new EnginePackProcess("tts-flite,translate,phonemes,visemes,grammar").start();
    static final EnginePackProcess ESPEAK_VI = new EnginePackProcess("tts-espeak",
            "--pack.tts.espeak.default-voice=vi").start();

    static {
        for (EnginePackProcess engine : List.of(STT_1, STT_2, FLITE_AND_TEXT, ESPEAK_VI)) {
            engine.awaitHealthy(Duration.ofSeconds(120));
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", REDIS::url);
        registry.add("hub.engines.stt-1.url", STT_1::url);
        registry.add("hub.engines.stt-2.url", STT_2::url);
        registry.add("hub.engines.tts-1.url", FLITE_AND_TEXT::url);
        registry.add("hub.engines.tts-vi.url", ESPEAK_VI::url);
        registry.add("hub.engines.translate-1.url", FLITE_AND_TEXT::url);
        registry.add("hub.engines.phonemizer.url", FLITE_AND_TEXT::url);
        registry.add("hub.engines.viseme-1.url", FLITE_AND_TEXT::url);
        registry.add("hub.engines.grammar-1.url", FLITE_AND_TEXT::url);
    }

    @AfterAll
    static void stopEverything() {
        Stream.of(STT_1, STT_2, FLITE_AND_TEXT, ESPEAK_VI).forEach(EnginePackProcess::close);
        REDIS.stop();
    }

    @Test
    void spokenSentencesComeBackAsTextWithLowWordErrorRate() throws Exception {
        List<String> sentences = List.of("Please open the window.", "The weather is nice today.",
                "I would like a cup of coffee.", "We are learning English together.");
        for (String sentence : sentences) {
            byte[] wav = speak(sentence);
            HttpResponse<String> transcription = transcribe(wav);
            assertThat(transcription.statusCode()).as(transcription.body()).isEqualTo(200);
            String text = json.readTree(transcription.body()).get("text").asText();
            assertThat(wordErrorRate(sentence, text)).as("'%s' heard as '%s'", sentence, text).isLessThanOrEqualTo(0.2);
        }
    }

    @Test
    void transcriptionsSurviveStoppingSttEngine1MidRun() throws Exception {
        byte[] wav = speak("Please open the window.");
        int total = 20;
        CountDownLatch firstAnswered = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            running.add(HTTP.sendAsync(transcriptionRequest(wav), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> firstAnswered.countDown()));
        }
        firstAnswered.await();
        STT_1.kill();
        List<String> engines = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : running) {
            HttpResponse<String> response = call.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json.readTree(response.body()).get("text").asText()).contains("window");
            engines.add(response.headers().firstValue("X-Engine").orElseThrow());
        }
        assertThat(engines).contains("stt-1", "stt-2");
        HttpResponse<String> after = transcribe(wav);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("X-Engine")).hasValue("stt-2");
    }

    @Test
    void garbageAudioIsAClientErrorAndTheEnginesStayHealthy() throws Exception {
        byte[] garbage = new byte[64_000];
        new java.util.Random(7).nextBytes(garbage);
        System.arraycopy("RIFF".getBytes(), 0, garbage, 0, 4);
        System.arraycopy("WAVE".getBytes(), 0, garbage, 8, 4);
        HttpResponse<String> response = transcribe(garbage);
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(STT_2.healthy()).isTrue();
    }

    @Test
    void helloTranslatesToHolaAndIsCachedTheSecondTime() throws Exception {
        String body = "{\"text\":\"hello\",\"source\":\"en\",\"target\":\"es\"}";
        HttpResponse<String> first = postJson("/v1/translate", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json.readTree(first.body()).get("translatedText").asText().toLowerCase(Locale.ROOT)).contains("hola");
        HttpResponse<String> second = postJson("/v1/translate", body);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
    }

    @Test
    void grammarMistakesComeFromLanguageToolWithTheirCorrection() throws Exception {
        HttpResponse<String> response = postJson("/v1/grammar/check",
                "{\"text\":\"He go to school yesterday.\",\"language\":\"en-US\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Engine")).hasValue("grammar-1");
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.at("/matches/0/rule").asText()).isEqualTo("HE_VERB_AGR");
        assertThat(answer.get("correctedText").asText()).isEqualTo("He goes to school yesterday.");
    }

    @Test
    void phonemesForHelloWorldAreIpaPerWord() throws Exception {
        HttpResponse<String> response = postJson("/v1/phonemes", "{\"text\":\"hello world\",\"language\":\"en\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode words = json.readTree(response.body()).get("words");
        assertThat(words).hasSize(2);
        for (JsonNode word : words) {
            assertThat(word.get("phonemes")).isNotEmpty();
        }
        assertThat(words.get(0).get("word").asText()).isEqualTo("hello");
    }

    @Test
    void vietnameseSpeechComesFromTheVietnameseEngine() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(request("/v1/audio/speech").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"tts-1\",\"input\":\"Xin chào các bạn\","
                        + "\"voice\":\"" + VIETNAMESE_VOICE + "\",\"response_format\":\"wav\"}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Engine")).hasValue("tts-vi");
        assertThat(new String(Arrays.copyOf(response.body(), 4))).isEqualTo("RIFF");
        assertThat(response.body().length).isGreaterThan(8_000);
    }

    static final String ENGLISH_VOICE = "alloy";
    static final String VIETNAMESE_VOICE = "vi";

    private byte[] speak(String sentence) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(request("/v1/audio/speech").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of("model", "tts-1",
                        "input", sentence, "voice", ENGLISH_VOICE, "response_format", "wav")))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Engine")).hasValue("tts-1");
        return response.body();
    }

    private HttpResponse<String> transcribe(byte[] wav) throws Exception {
        return HTTP.send(transcriptionRequest(wav), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest transcriptionRequest(byte[] wav) {
        MultipartBody form = new MultipartBody().file("file", "speech.wav", "audio/wav", wav)
                .field("model", "whisper-1").field("language", "en");
        return request("/v1/audio/transcriptions").timeout(Duration.ofSeconds(90))
                .header("Content-Type", form.contentType()).POST(form.publisher()).build();
    }

    /** Word-level edit distance over the reference's length, ignoring case and punctuation. */
    static double wordErrorRate(String reference, String hypothesis) {
        String[] ref = words(reference);
        String[] hyp = words(hypothesis);
        int[][] d = new int[ref.length + 1][hyp.length + 1];
        for (int i = 0; i <= ref.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= hyp.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= ref.length; i++) {
            for (int j = 1; j <= hyp.length; j++) {
                int substitution = d[i - 1][j - 1] + (ref[i - 1].equals(hyp[j - 1]) ? 0 : 1);
                d[i][j] = Math.min(substitution, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        return (double) d[ref.length][hyp.length] / ref.length;
    }

    private static String[] words(String text) {
        String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").trim();
        return cleaned.isEmpty() ? new String[0] : cleaned.split("\\s+");
    }
}
