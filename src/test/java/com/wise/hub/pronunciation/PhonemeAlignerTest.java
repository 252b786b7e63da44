package com.wise.hub.pronunciation;

import static com.wise.hub.pronunciation.AlignedPair.Kind.CORRECT;
import static com.wise.hub.pronunciation.AlignedPair.Kind.DELETED;
import static com.wise.hub.pronunciation.AlignedPair.Kind.INSERTED;
import static com.wise.hub.pronunciation.AlignedPair.Kind.SUBSTITUTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhonemeAlignerTest {

    private static List<AlignedPair> align(String expected, String recognized) {
        return PhonemeAligner.align(split(expected), split(recognized));
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(" "));
    }

    @Test
    void identicalSequencesAreAllCorrect() {
        assertThat(align("h ə l oʊ", "h ə l oʊ")).containsExactly(
                new AlignedPair(CORRECT, 0, 0), new AlignedPair(CORRECT, 1, 1),
                new AlignedPair(CORRECT, 2, 2), new AlignedPair(CORRECT, 3, 3));
    }

    @Test
    void findsASubstitution() {
        assertThat(align("θ ɪ ŋ k", "s ɪ ŋ k")).containsExactly(
                new AlignedPair(SUBSTITUTED, 0, 0), new AlignedPair(CORRECT, 1, 1),
                new AlignedPair(CORRECT, 2, 2), new AlignedPair(CORRECT, 3, 3));
    }

    @Test
    void findsADeletionInTheMiddle() {
        assertThat(align("w ɜː l d", "w ɜː d")).containsExactly(
                new AlignedPair(CORRECT, 0, 0), new AlignedPair(CORRECT, 1, 1),
                new AlignedPair(DELETED, 2, -1), new AlignedPair(CORRECT, 3, 2));
    }

    @Test
    void findsAnInsertion() {
        assertThat(align("s t ɑː p", "ə s t ɑː p")).containsExactly(
                new AlignedPair(INSERTED, -1, 0), new AlignedPair(CORRECT, 0, 1),
                new AlignedPair(CORRECT, 1, 2), new AlignedPair(CORRECT, 2, 3), new AlignedPair(CORRECT, 3, 4));
    }

    @Test
    void nothingHeardDeletesEverything() {
        assertThat(align("h aɪ", "")).containsExactly(new AlignedPair(DELETED, 0, -1), new AlignedPair(DELETED, 1, -1));
    }

    @Test
    void nothingExpectedMakesEverythingAnInsertion() {
        assertThat(align("", "m")).containsExactly(new AlignedPair(INSERTED, -1, 0));
    }

    @Test
    void aSubstitutionAndADeletionTogetherCostTwo() {
        List<AlignedPair> steps = align("k æ t s", "k ɛ t");
        assertThat(steps).filteredOn(p -> p.kind() != CORRECT).hasSize(2);
        assertThat(steps).contains(new AlignedPair(SUBSTITUTED, 1, 1), new AlignedPair(DELETED, 3, -1));
    }
}
