package com.wise.hub.pronunciation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.wise.hub.support.CraftedLogits;
import com.wise.hub.triton.Logits;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PronunciationScorerTest {

    private static final Map<String, Integer> IDS = Map.of("<pad>", 0, "h", 1, "ə", 2, "l", 3, "oʊ", 4, "w", 5,
            "ɜː", 6, "ɔː", 7, "d", 8);
    private static final List<ReferenceWord> HELLO_WORLD = List.of(
            new ReferenceWord("hello", List.of("h", "ə", "l", "oʊ")),
            new ReferenceWord("world", List.of("w", "ɜː", "l", "d")));

    private PhonemeVocabulary vocabulary;

    @BeforeEach
    void vocabulary() throws IOException {
        vocabulary = PhonemeVocabularyTest.parse(
                "{\"<pad>\":0,\"h\":1,\"ə\":2,\"l\":3,\"oʊ\":4,\"w\":5,\"ɜː\":6,\"ɔː\":7,\"d\":8}");
    }

    private PronunciationAssessment assess(List<String> heard, int frames) {
        List<String> frameTokens = CraftedLogits.spread(heard, frames);
        Logits logits = new Logits(frames, 9, CraftedLogits.oneHot(IDS, 9, frameTokens));
        List<RecognizedPhoneme> recognized = new CtcGreedyDecoder(vocabulary).decode(logits);
        return new PronunciationScorer(vocabulary, 0.02).score(HELLO_WORLD, recognized, logits, "wav2vec2_phoneme");
    }

    @Test
    void theExpectedPhonemesHeardClearlyScore100() {
        PronunciationAssessment result = assess(List.of("h", "ə", "l", "oʊ", "w", "ɜː", "l", "d"), 80);

        assertThat(result.overall()).isEqualTo(100);
        assertThat(result.model()).isEqualTo("wav2vec2_phoneme");
        assertThat(result.words()).extracting(WordScore::word, WordScore::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hello", 100),
                        org.assertj.core.groups.Tuple.tuple("world", 100));
        PhonemeScore first = result.words().get(0).phonemes().get(0);
        // 80 frames for 8 phonemes: slots of 10 frames, each phoneme on the slot's frames 1 and 2
        assertThat(first).isEqualTo(new PhonemeScore("h", "h", "correct", 100, 0.02, 0.06));
        assertThat(result.words().get(1).phonemes().get(3).start()).isEqualTo(1.42);
    }

    @Test
    void aSubstitutionAndADeletionAreReportedInTheirWordsWithLowerScores() {
        // "hello" loses its l; "world" has ɔː where ɜː belongs
        PronunciationAssessment result = assess(List.of("h", "ə", "oʊ", "w", "ɔː", "l", "d"), 70);

        WordScore hello = result.words().get(0);
        WordScore world = result.words().get(1);
        assertThat(hello.phonemes().get(2)).isEqualTo(new PhonemeScore("l", null, "deleted", 0, null, null));
        assertThat(hello.phonemes()).filteredOn(p -> p != hello.phonemes().get(2))
                .allSatisfy(p -> assertThat(p.status()).isEqualTo("correct"));
        PhonemeScore substituted = world.phonemes().get(1);
        assertThat(substituted.expected()).isEqualTo("ɜː");
        assertThat(substituted.recognized()).isEqualTo("ɔː");
        assertThat(substituted.status()).isEqualTo("substituted");
        assertThat(substituted.score()).isLessThan(5);
        assertThat(substituted.start()).isNotNull();
        assertThat(hello.score()).isEqualTo(75);
        assertThat(world.score()).isEqualTo(75);
        assertThat(result.overall()).isEqualTo(75);
    }

    @Test
    void anExtraPhonemeLowersTheWordItFollows() {
        PronunciationAssessment result = assess(List.of("h", "ə", "l", "oʊ", "ə", "w", "ɜː", "l", "d"), 90);

        assertThat(result.words().get(0).score()).isEqualTo(80);
        assertThat(result.words().get(1).score()).isEqualTo(100);
        assertThat(result.overall()).isEqualTo(89);
    }

    @Test
    void silenceScoresZero() {
        PronunciationAssessment result = assess(List.of(), 50);
        assertThat(result.overall()).isZero();
        assertThat(result.words()).allSatisfy(w -> assertThat(w.phonemes())
                .allSatisfy(p -> assertThat(p.status()).isEqualTo("deleted")));
    }

    @Test
    void goodnessIsThePosteriorOfTheExpectedPhonemeAmongNonBlankClasses() {
        // one frame: ɜː scores 2, ɔː 1, blank 1, others 0
        float[] values = new float[9];
        values[6] = 2f;
        values[7] = 1f;
        values[0] = 1f;
        Logits logits = new Logits(1, 9, values);
        double z = Math.exp(2) + Math.exp(1) + Math.exp(1) + 6;
        double expected = (Math.exp(1) / z) / (1 - Math.exp(1) / z);

        assertThat(PosteriorGoodness.of(logits, 0, 7, 0, 0)).isCloseTo(expected, within(1e-9));
        assertThat(PosteriorGoodness.of(logits, 0, -1, 0, 0)).isZero();
    }
}
