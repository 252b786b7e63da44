package com.wise.hub.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisServer;
import java.net.http.HttpResponse;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /v1/phonemes} and {@code direct:phonemes} (routes/phonemes.yaml) with a real Redis and
 * the phonemizer faked by WireMock: our contract both ways, the cache, idempotency only for the
 * client's own request, a broken engine answer, bad input.
 */
class PhonemesRoutesTest extends HubHttpTest {

    static final String PATH = "/v1/phonemes";
    static final RedisServer REDIS = new RedisServer().start();
    static final WireMockServer PHONEMIZER = new WireMockServer(options().dynamicPort());
    static final RedissonClient ADMIN;
    static final String HELLO_WORLD = "{\"words\":[{\"word\":\"Hello\",\"phonemes\":[\"h\",\"ə\",\"l\",\"oʊ\"],"
            + "\"ipa\":\"həlˈoʊ\"},{\"word\":\"world\",\"phonemes\":[\"w\",\"ɜː\",\"l\",\"d\"],\"ipa\":\"wˈɜːld\"}]}";

    static {
        PHONEMIZER.start();
        Config config = new Config();
        config.useSingleServer().setAddress(REDIS.url());
        ADMIN = Redisson.create(config);
    }

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private com.wise.hub.web.JsonRequestReader jsonRequest;
    @Autowired
    private com.wise.hub.phonemes.PhonemeRequestReader phonemeRequest;

    @DynamicPropertySource
    static void engineAndRedis(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", REDIS::url);
        registry.add("PHONEMIZER_URL", PHONEMIZER::baseUrl);
    }

    @AfterAll
    static void stop() {
        ADMIN.shutdown();
        PHONEMIZER.stop();
        REDIS.stop();
    }

    @BeforeEach
    void phonemizerAnswers() {
        ADMIN.getKeys().flushall();
        PHONEMIZER.resetAll();
        answer(200, HELLO_WORLD);
    }

    @Test
    void answersEachWordWithItsPhonemesFromTheOwnContract() throws Exception {
        HttpResponse<String> response = postJson(PATH, "{\"text\":\" Hello world! \",\"language\":\"EN-US\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body())).isEqualTo(json.readTree("{\"language\":\"en-us\",\"words\":["
                + "{\"word\":\"Hello\",\"phonemes\":[\"h\",\"ə\",\"l\",\"oʊ\"]},"
                + "{\"word\":\"world\",\"phonemes\":[\"w\",\"ɜː\",\"l\",\"d\"]}]}"));
        assertThat(response.headers().firstValue("X-Engine")).hasValue("phonemizer");
        assertThat(response.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        PHONEMIZER.verify(postRequestedFor(urlEqualTo("/phonemize"))
                .withRequestBody(equalToJson("{\"text\":\"Hello world!\",\"language\":\"en-us\"}")));
    }

    @Test
    void theLanguageDefaultsToEnglishAndTheSameRequestIsAHit() throws Exception {
        HttpResponse<String> first = postJson(PATH, "{\"text\":\"hello world\"}");
        HttpResponse<String> second = postJson(PATH, "{\"language\":\"en\",\"text\":\"hello world\"}");

        assertThat(json.readTree(first.body()).get("language").asText()).isEqualTo("en");
        assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        PHONEMIZER.verify(1, postRequestedFor(urlEqualTo("/phonemize")));
    }

    @Test
    void anotherRouteAsksForPhonemesWithoutClaimingItsIdempotencyKey() throws Exception {
        // As routes/pronunciation.yaml does: the phoneme beans, then direct:phonemes-answer.
        Exchange answered = template.send("direct:phonemes-answer", exchange -> {
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setHeader("Idempotency-Key", "pronunciation-request-1");
            exchange.getMessage().setBody("{\"text\":\"hello world\",\"language\":\"en\"}");
            exchange.getMessage().setBody(jsonRequest.read(exchange));
            exchange.getMessage().setBody(phonemeRequest.read(exchange));
        });

        assertThat(json.readTree(answered.getMessage().getBody(String.class)).get("words")).hasSize(2);
        assertThat(answered.getMessage().getHeader("Idempotent-Replayed")).isNull();
        assertThat(ADMIN.getKeys().getKeysByPattern("hub:idempotency:*").iterator().hasNext()).isFalse();
    }

    @Test
    void theClientsOwnRequestIsIdempotent() throws Exception {
        var request = request(PATH).header("Content-Type", "application/json").header("Idempotency-Key", "p-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"hello world\"}")).build();
        HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> retry = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void anAnswerWithoutWordsIs502AndNotCached() throws Exception {
        answer(200, "{\"phonemes\":\"h ə l oʊ\"}");

        HttpResponse<String> response = postJson(PATH, "{\"text\":\"hello\"}");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json.readTree(response.body()).get("type").asText()).endsWith("engine-bad-answer");
        // The entry, not the flight lock (released when the exchange completes, after the answer is sent).
        assertThat(ADMIN.getKeys().getKeysByPattern("hub:cache:*}").iterator().hasNext()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}                                            | invalid-text",
        "{\"text\":\"\"}                               | invalid-text",
        "{\"text\":true}                               | invalid-text",
        "{\"text\":\"hi\",\"language\":\"english!\"}   | invalid-language",
        "{\"text\":\"hi\",\"language\":7}              | invalid-language"})
    void badInputIs400NamingTheField(String body, String type) throws Exception {
        HttpResponse<String> response = postJson(PATH, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("type").asText()).endsWith(":" + type);
        PHONEMIZER.verify(0, postRequestedFor(urlEqualTo("/phonemize")));
    }

    @Test
    void textOverTheLimitIs400() throws Exception {
        HttpResponse<String> response = postJson(PATH, "{\"text\":\"" + "a".repeat(4097) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("4097");
    }

    private static void answer(int status, String body) {
        PHONEMIZER.stubFor(post(urlEqualTo("/phonemize")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }
}
