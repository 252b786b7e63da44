package com.wise.hub.pronunciation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PhonemeVocabularyTest {

    static PhonemeVocabulary parse(String json) throws IOException {
        return PhonemeVocabulary.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                new ObjectMapper(), "test");
    }

    @Test
    void mapsIdsToTokensAndFindsTheBlank() throws IOException {
        PhonemeVocabulary vocabulary = parse("{\"<pad>\": 0, \"<s>\": 1, \"|\": 2, \"h\": 3, \"ə\": 4}");
        assertThat(vocabulary.size()).isEqualTo(5);
        assertThat(vocabulary.blankId()).isZero();
        assertThat(vocabulary.token(4)).isEqualTo("ə");
        assertThat(vocabulary.id("h")).isEqualTo(3);
        assertThat(vocabulary.id("x")).isEqualTo(-1);
        assertThat(vocabulary.isPhoneme(3)).isTrue();
        assertThat(vocabulary.isPhoneme(0)).isFalse();
        assertThat(vocabulary.isPhoneme(1)).isFalse();
        assertThat(vocabulary.isPhoneme(2)).isFalse();
    }

    @Test
    void rejectsAVocabularyWithoutPad() {
        assertThatThrownBy(() -> parse("{\"a\": 0, \"b\": 1}")).hasMessageContaining("no <pad>");
    }

    @Test
    void rejectsGapsInTheIds() {
        assertThatThrownBy(() -> parse("{\"<pad>\": 0, \"b\": 2}")).hasMessageContaining("ids must be 0..1");
    }

    @Test
    void rejectsTwoTokensWithOneId() {
        assertThatThrownBy(() -> parse("{\"<pad>\": 0, \"a\": 1, \"b\": 1}")).hasMessageContaining("each used once");
    }

    @Test
    void theShippedIpaVocabularyLoads() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/triton/ipa-vocab.json")) {
            PhonemeVocabulary vocabulary = PhonemeVocabulary.parse(in, new ObjectMapper(), "ipa-vocab.json");
            assertThat(vocabulary.blankId()).isZero();
            assertThat(vocabulary.id("oʊ")).isPositive();
            assertThat(vocabulary.id("tʃ")).isPositive();
        }
    }
}
