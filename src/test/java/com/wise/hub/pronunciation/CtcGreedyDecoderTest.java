package com.wise.hub.pronunciation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wise.hub.support.CraftedLogits;
import com.wise.hub.triton.Logits;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CtcGreedyDecoderTest {

    private static final Map<String, Integer> IDS = Map.of("<pad>", 0, "<s>", 1, "|", 2, "h", 3, "ə", 4, "l", 5,
            "oʊ", 6);

    private PhonemeVocabulary vocabulary;

    @BeforeEach
    void vocabulary() throws IOException {
        vocabulary = PhonemeVocabularyTest.parse(
                "{\"<pad>\":0,\"<s>\":1,\"|\":2,\"h\":3,\"ə\":4,\"l\":5,\"oʊ\":6}");
    }

    private List<RecognizedPhoneme> decode(String... frames) {
        float[] values = CraftedLogits.oneHot(IDS, 7, List.of(frames));
        return new CtcGreedyDecoder(vocabulary).decode(new Logits(frames.length, 7, values));
    }

    @Test
    void mergesRepeatsAndDropsBlanksKeepingFrameSpans() {
        assertThat(decode("<pad>", "h", "h", "<pad>", "ə", "l", "l", "l", "<pad>", "oʊ"))
                .containsExactly(
                        new RecognizedPhoneme(3, "h", 1, 2),
                        new RecognizedPhoneme(4, "ə", 4, 4),
                        new RecognizedPhoneme(5, "l", 5, 7),
                        new RecognizedPhoneme(6, "oʊ", 9, 9));
    }

    @Test
    void aBlankBetweenTwoEqualClassesKeepsBoth() {
        assertThat(decode("l", "<pad>", "l")).extracting(RecognizedPhoneme::token).containsExactly("l", "l");
    }

    @Test
    void dropsSpecialTokensAndTheWordDelimiter() {
        assertThat(decode("<s>", "h", "|", "ə")).extracting(RecognizedPhoneme::token).containsExactly("h", "ə");
    }

    @Test
    void silenceDecodesToNothing() {
        assertThat(decode("<pad>", "<pad>", "<pad>")).isEmpty();
        assertThat(decode()).isEmpty();
    }

    @Test
    void refusesLogitsOfAnotherVocabulary() {
        Logits logits = new Logits(1, 9, new float[9]);
        assertThatThrownBy(() -> new CtcGreedyDecoder(vocabulary).decode(logits))
                .hasMessageContaining("9 classes but the vocabulary has 7");
    }
}
