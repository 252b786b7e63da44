package com.wise.enginepack.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.wise.enginepack.support.PackHttpTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhonemesRoutesTest extends PackHttpTest {

    @Test
    void givesIpaPhonemesPerWord() {
        HttpResponse<byte[]> response = postJson("/phonemize", "{\"text\":\"Hello, world!\",\"language\":\"en\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode words = json(response).get("words");
        assertThat(words).hasSize(2);
        assertThat(words.get(0).get("word").asText()).isEqualTo("Hello");
        assertThat(phonemes(words.get(0))).containsExactly("h", "ə", "l", "oʊ");
        assertThat(words.get(0).get("ipa").asText()).isEqualTo("həlˈoʊ");
        assertThat(phonemes(words.get(1))).containsExactly("w", "ɜː", "l", "d");
    }

    @Test
    void keepsContractionsAndHyphenatedWordsWhole() {
        JsonNode words = json(postJson("/phonemize", "{\"text\":\"It isn't well-known...really\"}")).get("words");

        assertThat(words).hasSize(4);
        assertThat(words.get(1).get("word").asText()).isEqualTo("isn't");
        assertThat(words.get(2).get("word").asText()).isEqualTo("well-known");
        assertThat(words.get(3).get("word").asText()).isEqualTo("really");
        words.forEach(word -> assertThat(phonemes(word)).isNotEmpty());
    }

    @Test
    void phonemizesOtherEspeakLanguages() {
        JsonNode words = json(postJson("/phonemize", "{\"text\":\"xin chào\",\"language\":\"vi\"}")).get("words");

        assertThat(words).hasSize(2);
        assertThat(phonemes(words.get(1))).isNotEmpty();
    }

    @Test
    void textWithoutWordsGivesNoWords() {
        JsonNode words = json(postJson("/phonemize", "{\"text\":\"?!...\"}")).get("words");

        assertThat(words).isEmpty();
    }

    @Test
    void badRequestsGet400ProblemJson() {
        assertProblem(postJson("/phonemize", "{\"text\":\"hello\",\"language\":\"klingon\"}"), "'klingon'");
        assertProblem(postJson("/phonemize", "{\"text\":\"\"}"), "'text'");
        assertProblem(postJson("/phonemize", "{\"text\":\"" + "a ".repeat(3000) + "\"}"), "at most");
    }

    private static List<String> phonemes(JsonNode word) {
        List<String> phonemes = new ArrayList<>();
        word.get("phonemes").forEach(phoneme -> phonemes.add(phoneme.asText()));
        return phonemes;
    }

    private static void assertProblem(HttpResponse<byte[]> response, String detailPart) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("status").asInt()).isEqualTo(400);
        assertThat(json(response).get("detail").asText()).contains(detailPart);
    }
}
