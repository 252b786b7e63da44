package com.wise.enginepack.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.wise.enginepack.support.PackHttpTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class TranslateRoutesTest extends PackHttpTest {

    @Test
    void translatesEnglishToSpanish() {
        HttpResponse<byte[]> response = postJson("/translate",
                "{\"q\":\"hello\",\"source\":\"en\",\"target\":\"es\",\"format\":\"text\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(response).get("translatedText").asText()).isEqualTo("hola");
    }

    @Test
    void translatesSpanishToEnglishKeepingSurroundingWhitespace() {
        HttpResponse<byte[]> response = postJson("/translate", "{\"q\":\" La casa es roja. \",\"source\":\"es\",\"target\":\"en\"}");

        assertThat(json(response).get("translatedText").asText()).isEqualTo(" The house is red. ");
    }

    @Test
    void translatesEachTextOfAnArray() {
        HttpResponse<byte[]> response = postJson("/translate",
                "{\"q\":[\"hello\",\"The house is red.\"],\"source\":\"en\",\"target\":\"es\"}");

        JsonNode texts = json(response).get("translatedText");
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0).asText()).isEqualTo("hola");
        assertThat(texts.get(1).asText()).isEqualTo("La casa es roja.");
    }

    @Test
    void keepsHtmlMarkup() {
        HttpResponse<byte[]> response = postJson("/translate",
                "{\"q\":\"<p>Hello <b>world</b></p>\",\"source\":\"en\",\"target\":\"es\",\"format\":\"html\"}");

        assertThat(json(response).get("translatedText").asText()).startsWith("<p>").contains("<b>").endsWith("</p>");
    }

    @Test
    void listsTheLanguagePairs() {
        JsonNode languages = json(get("/languages"));

        assertThat(languages).hasSize(2);
        assertThat(languages.get(0).get("code").asText()).isEqualTo("en");
        assertThat(languages.get(0).get("name").asText()).isEqualTo("English");
        assertThat(languages.get(0).get("targets").get(0).asText()).isEqualTo("es");
    }

    @Test
    void badRequestsGet400InLibreTranslateShape() {
        assertLibreTranslateError(postJson("/translate", "{\"q\":\"hello\",\"source\":\"auto\",\"target\":\"es\"}"), "auto");
        assertLibreTranslateError(postJson("/translate", "{\"q\":\"hello\",\"source\":\"en\",\"target\":\"fr\"}"), "'fr'");
        assertLibreTranslateError(postJson("/translate", "{\"source\":\"en\",\"target\":\"es\"}"), "'q'");
        assertLibreTranslateError(postJson("/translate", "{\"q\":\"hi\",\"source\":\"en\",\"target\":\"es\",\"format\":\"pdf\"}"),
                "'pdf'");
        assertLibreTranslateError(postJson("/translate", "q=hello"), "not valid JSON");
    }

    private static void assertLibreTranslateError(HttpResponse<byte[]> response, String messagePart) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").isTextual()).isTrue();
        assertThat(json(response).get("error").asText()).contains(messagePart);
    }
}
