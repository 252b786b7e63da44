package com.wise.enginepack.sphinx;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code pocketsphinx_continuous -time yes} output: per utterance a hypothesis line, then
 * one {@code token start end probability} line per word (or phone, in allphone mode).
 */
public final class TimedTokenParser {

    private static final Pattern TIMED_LINE =
            Pattern.compile("^(\\S+) (\\d+(?:\\.\\d+)?) (\\d+(?:\\.\\d+)?) (\\S+)$");
    private static final Pattern ALTERNATE = Pattern.compile("\\(\\d+\\)$");
    /** pocketsphinx prints the start of a token's last 10 ms frame as its end. */
    private static final double FRAME_SECONDS = 0.01;

    private TimedTokenParser() {
    }

    /** Every timed line, in order, including fillers; hypothesis lines are skipped. */
    public static List<TimedToken> parse(String stdout) {
        List<TimedToken> tokens = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            Matcher timed = TIMED_LINE.matcher(line.strip());
            if (timed.matches()) {
                tokens.add(new TimedToken(
                        ALTERNATE.matcher(timed.group(1)).replaceFirst(""),
                        Double.parseDouble(timed.group(2)),
                        seconds(Double.parseDouble(timed.group(3)) + FRAME_SECONDS),
                        probability(timed.group(4))));
            }
        }
        return tokens;
    }

    private static double seconds(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static double probability(String value) {
        try {
            double probability = Double.parseDouble(value);
            return Double.isFinite(probability) ? Math.max(0, Math.min(1, probability)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
