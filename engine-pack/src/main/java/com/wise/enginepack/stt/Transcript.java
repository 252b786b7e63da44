package com.wise.enginepack.stt;

import com.wise.enginepack.sphinx.TimedToken;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What pocketsphinx heard: utterances (stretches of speech between pauses) of timed words.
 *
 * @param language ISO-639-1 code
 * @param duration length of the audio in seconds
 * @param segments one list of words per utterance, none empty
 */
record Transcript(String language, double duration, List<List<TimedToken>> segments) {

    String text() {
        return segments.stream().map(Transcript::text).collect(Collectors.joining(" "));
    }

    static String text(List<TimedToken> words) {
        return words.stream().map(TimedToken::token).collect(Collectors.joining(" "));
    }

    List<TimedToken> words() {
        return segments.stream().flatMap(List::stream).toList();
    }
}
