package com.wise.hub.pronunciation;

import com.wise.hub.triton.Logits;
import java.util.ArrayList;
import java.util.List;

/**
 * Best-path CTC decoding: take the most likely class of every frame, merge consecutive repeats
 * into one symbol, then drop the blanks (a blank between two equal classes keeps both). Each
 * symbol keeps the frames it spans, which become its start and end times.
 */
final class CtcGreedyDecoder {

    private final PhonemeVocabulary vocabulary;

    CtcGreedyDecoder(PhonemeVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * @throws IllegalArgumentException when the logits do not have one column per vocabulary token
     */
    List<RecognizedPhoneme> decode(Logits logits) {
        if (logits.classes() != vocabulary.size()) {
            throw new IllegalArgumentException("the logits have " + logits.classes() + " classes but the vocabulary has "
                    + vocabulary.size() + " tokens");
        }
        List<RecognizedPhoneme> out = new ArrayList<>();
        int runClass = -1;
        int runStart = 0;
        for (int t = 0; t <= logits.frames(); t++) {
            int best = t < logits.frames() ? logits.argmax(t) : -1;
            if (best == runClass) {
                continue;
            }
            if (runClass >= 0 && runClass != vocabulary.blankId() && vocabulary.isPhoneme(runClass)) {
                out.add(new RecognizedPhoneme(runClass, vocabulary.token(runClass), runStart, t - 1));
            }
            runClass = best;
            runStart = t;
        }
        return out;
    }
}
