package com.wise.hub.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.RedisServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /v1/grammar/check} (routes/grammar.yaml) over HTTP with a real Redis and LanguageTool faked by
 * WireMock with its own answer shape: the form sent, the matches mapped, the corrected text, offsets into the
 * text as sent, the cache, bad input before any engine call, and the engine's failures.
 */
class GrammarRoutesTest extends HubHttpTest {

    static final String PATH = "/v1/grammar/check";
    static final RedisServer REDIS = new RedisServer().start();
    static final WireMockServer ENGINE = new WireMockServer(options().dynamicPort());

    static {
        ENGINE.start();
    }

    /** What LanguageTool 6 answers for "He go to school yesterday and buyed a apple." (abridged, same shape). */
    static final String ANSWER = """
            {"software":{"name":"LanguageTool","version":"6.8"},
             "language":{"name":"English (US)","code":"en-US",
               "detectedLanguage":{"name":"English (US)","code":"en-US","confidence":0.99}},
             "matches":[
               {"message":"The verb 'go' does not agree with the subject 'He'.","shortMessage":"Agreement",
                "replacements":[{"value":"goes"},{"value":"went"}],"offset":3,"length":2,
                "context":{"text":"He go to school","offset":3,"length":2},
                "rule":{"id":"HE_VERB_AGR","description":"Agreement","issueType":"grammar",
                  "category":{"id":"GRAMMAR","name":"Grammar"}}},
               {"message":"Possible spelling mistake found.","replacements":[{"value":"bought"},{"value":"buyer"}],
                "offset":30,"length":5,
                "rule":{"id":"MORFOLOGIK_RULE_EN_US","issueType":"misspelling",
                  "category":{"id":"TYPOS","name":"Possible Typo"}}},
               {"message":"Use 'an' instead of 'a' before a vowel.","replacements":[{"value":"an"}],
                "offset":36,"length":1,
                "rule":{"id":"EN_A_VS_AN","category":{"id":"MISC","name":"Miscellaneous"}}},
               {"message":"An overlapping match, applied after the first: skipped.","replacements":[{"value":"X"}],
                "offset":4,"length":4,"rule":{"id":"OVERLAP","category":{"id":"STYLE"}}}
             ]}
            """;
    static final String TEXT = "He go to school yesterday and buyed a apple.";

    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void engineAndRedis(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", REDIS::url);
        registry.add("GRAMMAR_ENGINE_URL", ENGINE::baseUrl);
        registry.add("hub.capabilities.grammar.max-text-length", () -> "100");
        registry.add("hub.capabilities.grammar.max-matches", () -> "4");
        registry.add("hub.capabilities.grammar.max-replacements", () -> "1");
    }

    @AfterAll
    static void stop() {
        ENGINE.stop();
        REDIS.stop();
    }

    @BeforeEach
    void fresh() {
        ENGINE.resetAll();
        engineAnswers(200, ANSWER);
    }

    @Test
    void checksWithTheLanguageToolContractAndCorrectsTheText() throws Exception {
        HttpResponse<String> response = postJson(PATH, "{\"text\":\"" + TEXT + "\",\"language\":\"en-US\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Engine")).hasValue("grammar-1");
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.path("language").asText()).isEqualTo("en-US");
        assertThat(answer.path("matches")).hasSize(4);
        assertThat(answer.path("matches").get(0)).isEqualTo(json.readTree("""
                {"offset":3,"length":2,"message":"The verb 'go' does not agree with the subject 'He'.",
                 "rule":"HE_VERB_AGR","category":"GRAMMAR","replacements":["goes"]}"""));
        assertThat(answer.path("correctedText").asText()).isEqualTo("He goes to school yesterday and bought an apple.");
        assertThat(answer.path("truncated").asBoolean()).isFalse();
        ENGINE.verify(1, postRequestedFor(urlEqualTo("/v2/check"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("text", equalTo(TEXT))
                .withFormParam("language", equalTo("en-US")));
    }

    @Test
    void offsetsPointIntoTheTextAsSentAndTheCacheKeepsTwoSpellingsApart() throws Exception {
        HttpResponse<String> plain = postJson(PATH, "{\"text\":\"" + TEXT + "\"}");
        HttpResponse<String> indented = postJson(PATH, "{\"text\":\"  " + TEXT + "\"}");
        HttpResponse<String> again = postJson(PATH, "{\"text\":\"" + TEXT + "\"}");

        assertThat(json.readTree(plain.body()).path("language").asText()).as("auto: the detected language").isEqualTo("en-US");
        assertThat(again.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(indented.headers().firstValue("X-Cache")).as("another text as sent").hasValue("MISS");
        ENGINE.verify(1, postRequestedFor(urlEqualTo("/v2/check")).withFormParam("text", equalTo("  " + TEXT))
                .withFormParam("language", equalTo("auto")));
        ENGINE.verify(2, postRequestedFor(urlEqualTo("/v2/check")));
    }

    @Test
    void moreMatchesThanTheBoundAreCutAndSaidSo() throws Exception {
        String five = ANSWER.replace("\"matches\":[", "\"matches\":[{\"message\":\"first\",\"offset\":0,\"length\":2,"
                + "\"replacements\":[],\"rule\":{\"id\":\"R\",\"category\":{\"id\":\"C\"}}},");
        engineAnswers(200, five);

        JsonNode answer = json.readTree(postJson(PATH, "{\"text\":\"" + TEXT + "\",\"language\":\"en\"}").body());

        assertThat(answer.path("matches")).hasSize(4);
        assertThat(answer.path("truncated").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no text|{\"language\":\"en-US\"}|invalid-text",
        "blank text|{\"text\":\"   \"}|invalid-text",
        "text not a string|{\"text\":42}|invalid-text",
        "text over the bound|{\"text\":\"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789x\"}|invalid-text",
        "language not a code|{\"text\":\"hi\",\"language\":\"English please\"}|invalid-language",
        "language a URL|{\"text\":\"hi\",\"language\":\"http://evil\"}|invalid-language"})
    void badInputIsRefusedBeforeTheEngine(String name, String body, String type) throws Exception {
        HttpResponse<String> response = postJson(PATH, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("type").asText()).endsWith(type);
        ENGINE.verify(0, postRequestedFor(urlEqualTo("/v2/check")));
    }

    @ParameterizedTest(name = "engine answers {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "500|{}|502",
        "200|{\"software\":{}}|502",
        "200|{\"matches\":[{\"offset\":40,\"length\":99}]}|502",
        "400|Unsupported language: xx|400"})
    void engineFailuresAreProblems(int status, String body, int expected) throws Exception {
        engineAnswers(status, body);

        HttpResponse<String> response = postJson(PATH, "{\"text\":\"" + TEXT + "\",\"language\":\"xx\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception");
    }

    private void engineAnswers(int status, String body) {
        ENGINE.stubFor(post(urlEqualTo("/v2/check")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", status == 200 ? "application/json" : "text/plain").withBody(body)));
    }
}
