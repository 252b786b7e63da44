package com.wise.hub.pronunciation;

import com.wise.hub.triton.Logits;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores what the model heard against the reference text: aligns the recognized phonemes with
 * the expected ones, gives each expected phoneme its status and a 0-100 score (100 times its
 * {@link PosteriorGoodness}, 0 when deleted), then averages per word and over the utterance.
 * An inserted phoneme counts as a 0 in the word it follows (the first word when it comes first).
 */
final class PronunciationScorer {

    private final PhonemeVocabulary vocabulary;
    private final double frameSeconds;

    PronunciationScorer(PhonemeVocabulary vocabulary, double frameSeconds) {
        this.vocabulary = vocabulary;
        this.frameSeconds = frameSeconds;
    }

    PronunciationAssessment score(List<ReferenceWord> words, List<RecognizedPhoneme> heard, Logits logits,
            String model) {
        List<String> expected = new ArrayList<>();
        List<Integer> wordOf = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            for (String phoneme : words.get(w).phonemes()) {
                expected.add(phoneme);
                wordOf.add(w);
            }
        }
        PhonemeScore[] scores = new PhonemeScore[expected.size()];
        double[] raw = new double[expected.size()];
        int[] insertions = new int[Math.max(1, words.size())];
        int currentWord = 0;
        for (AlignedPair step : PhonemeAligner.align(expected, heard.stream().map(RecognizedPhoneme::token).toList())) {
            if (step.kind() == AlignedPair.Kind.INSERTED) {
                insertions[currentWord]++;
                continue;
            }
            int e = step.expected();
            currentWord = wordOf.get(e);
            if (step.kind() == AlignedPair.Kind.DELETED) {
                scores[e] = new PhonemeScore(expected.get(e), null, "deleted", 0, null, null);
                continue;
            }
            RecognizedPhoneme r = heard.get(step.recognized());
            raw[e] = 100 * PosteriorGoodness.of(logits, vocabulary.blankId(), vocabulary.id(expected.get(e)),
                    r.firstFrame(), r.lastFrame());
            String status = step.kind() == AlignedPair.Kind.CORRECT ? "correct" : "substituted";
            scores[e] = new PhonemeScore(expected.get(e), r.token(), status, (int) Math.round(raw[e]),
                    seconds(r.firstFrame()), seconds(r.lastFrame() + 1));
        }
        List<PhonemeScore> all = List.of(scores);
        List<WordScore> result = new ArrayList<>(words.size());
        double total = 0;
        int count = 0;
        for (int w = 0, e = 0; w < words.size(); w++) {
            int phonemes = words.get(w).phonemes().size();
            double sum = 0;
            for (int k = e; k < e + phonemes; k++) {
                sum += raw[k];
            }
            int denominator = phonemes + insertions[w];
            Integer score = denominator == 0 ? null : (int) Math.round(sum / denominator);
            result.add(new WordScore(words.get(w).word(), score, all.subList(e, e + phonemes)));
            total += sum;
            count += denominator;
            e += phonemes;
        }
        int overall = count == 0 ? 0 : (int) Math.round(total / count);
        return new PronunciationAssessment(overall, result, model);
    }

    private double seconds(int frame) {
        return Math.round(frame * frameSeconds * 1000) / 1000.0;
    }
}
