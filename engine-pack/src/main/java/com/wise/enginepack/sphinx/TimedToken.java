package com.wise.enginepack.sphinx;

/**
 * One word or phone pocketsphinx recognised, with {@code -time yes}.
 *
 * @param token the word or ARPAbet phone as printed (a word's alternate-pronunciation suffix
 *     such as {@code (2)} removed)
 * @param start start time in seconds
 * @param end end time in seconds (the end of its last 10 ms frame)
 * @param probability pocketsphinx's posterior probability, 0.0 to 1.0
 */
public record TimedToken(String token, double start, double end, double probability) {

    /** Silence and noise markers: {@code <s>}, {@code </s>}, {@code <sil>}, {@code [NOISE]}, ... */
    public boolean isFiller() {
        return token.startsWith("<") || token.startsWith("[") || token.startsWith("+");
    }

    /** The utterance start marker {@code <s>}, printed once per stretch of speech. */
    public boolean isUtteranceStart() {
        return "<s>".equals(token);
    }
}
