package com.wise.enginepack.phonemes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordTokenizerTest {

    @Test
    void keepsLettersDigitsAndInnerApostrophesOrHyphens() {
        assertThat(WordTokenizer.words("\"Wait...what?\" It isn't well-known: 3.14, café; don’t -- ok"))
                .containsExactly("Wait", "what", "It", "isn't", "well-known", "3", "14", "café", "don’t", "ok");
    }

    @Test
    void symbolsAloneGiveNoWords() {
        assertThat(WordTokenizer.words(" ?! -- ... ")).isEmpty();
    }
}
