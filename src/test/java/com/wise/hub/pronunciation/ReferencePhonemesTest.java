package com.wise.hub.pronunciation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.problem.ProblemException;
import java.io.IOException;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferencePhonemesTest {

    private ReferencePhonemes reference;

    @BeforeEach
    void vocabulary() throws IOException {
        reference = new ReferencePhonemes(new ObjectMapper(),
                PhonemeVocabularyTest.parse("{\"<pad>\":0,\"i\":1,\"oʊ\":2,\"h\":3,\"ɜː\":4}"));
    }

    @Test
    void readsWordsAndDropsStressMarks() throws IOException {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody("{\"language\":\"en\",\"words\":[{\"word\":\"hello\",\"phonemes\":[\"h\",\"ˈoʊ\"]},"
                + "{\"word\":\"heard\",\"phonemes\":[\"h\",\"ˌɜː\"]}]}");

        reference.read(exchange);

        assertThat(exchange.getProperty(ReferencePhonemes.WORDS, List.class)).containsExactly(
                new ReferenceWord("hello", List.of("h", "oʊ")), new ReferenceWord("heard", List.of("h", "ɜː")));
    }

    @Test
    void aLongVowelTheModelLacksFallsBackToItsShortForm() {
        assertThat(reference.normalize("iː")).isEqualTo("i");
        assertThat(reference.normalize("ɜː")).isEqualTo("ɜː");
        assertThat(reference.normalize("uː")).isEqualTo("uː");
    }

    @Test
    void aTextWithoutPhonemesIs400() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody("{\"language\":\"en\",\"words\":[{\"word\":\"...\",\"phonemes\":[]}]}");
        assertThatThrownBy(() -> reference.read(exchange)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.status()).isEqualTo(400));
    }
}
