package com.wise.enginepack.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.wise.enginepack.support.PackHttpTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The grammar engine: LanguageTool's real English rules behind LanguageTool's own HTTP contract. */
@TestPropertySource(properties = "pack.engines=grammar")
class GrammarRoutesTest extends PackHttpTest {

    static final String TEXT = "He go to school yesterday and buyed a apple.";

    @Test
    void findsTheMistakesWithLanguageToolsOffsetsRulesAndReplacements() {
        HttpResponse<byte[]> response = check(TEXT, "en-US");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode answer = json(response);
        assertThat(answer.at("/language/code").asText()).isEqualTo("en-US");
        JsonNode matches = answer.get("matches");
        assertThat(matches).hasSize(3);
        assertThat(matches.get(0).get("offset").asInt()).isEqualTo(3);
        assertThat(matches.get(0).get("length").asInt()).isEqualTo(2);
        assertThat(matches.get(0).at("/rule/id").asText()).isEqualTo("HE_VERB_AGR");
        assertThat(matches.get(0).at("/rule/category/id").asText()).isEqualTo("GRAMMAR");
        assertThat(matches.get(0).at("/replacements/0/value").asText()).isEqualTo("goes");
        assertThat(matches.get(1).at("/rule/category/id").asText()).isEqualTo("TYPOS");
        assertThat(matches.get(1).at("/replacements/0/value").asText()).isEqualTo("bought");
        assertThat(matches.get(2).at("/rule/id").asText()).isEqualTo("EN_A_VS_AN");
        assertThat(matches.get(2).get("message").asText()).doesNotContain("<suggestion>").contains("\u201can\u201d");
    }

    @Test
    void autoIsEnglishAndACleanTextHasNoMatches() {
        JsonNode answer = json(check("She goes to school every day.", "auto"));

        assertThat(answer.at("/language/detectedLanguage/code").asText()).isEqualTo("en-US");
        assertThat(answer.get("matches")).isEmpty();
    }

    @Test
    void listsItsLanguages() {
        JsonNode languages = json(get("/v2/languages"));

        assertThat(languages.findValuesAsText("longCode")).contains("en-US", "en-GB");
    }

    @Test
    void badRequestsGet400InLanguageToolsPlainTextShape() {
        HttpResponse<byte[]> unknown = check("Bonjour.", "xx-YY");
        HttpResponse<byte[]> none = post("/v2/check", "application/x-www-form-urlencoded",
                "language=en-US".getBytes(StandardCharsets.US_ASCII));

        for (HttpResponse<byte[]> response : java.util.List.of(unknown, none)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).startsWith("Error: ");
        }
    }

    private HttpResponse<byte[]> check(String text, String language) {
        String form = "text=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&language=" + language;
        return post("/v2/check", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.US_ASCII));
    }
}
