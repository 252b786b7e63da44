package com.wise.enginepack.phonemes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into the words that get phonemes: runs of letters and digits, joined by an
 * apostrophe or hyphen inside a word ({@code isn't}, {@code well-known}); punctuation and other
 * symbols are dropped, so every word is one clause for espeak-ng.
 */
final class WordTokenizer {

    private static final Pattern WORD =
            Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:['’\\-][\\p{L}\\p{M}\\p{N}]+)*");

    private WordTokenizer() {
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }
}
