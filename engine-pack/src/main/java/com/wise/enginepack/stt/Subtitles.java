package com.wise.enginepack.stt;

import com.wise.enginepack.sphinx.TimedToken;
import java.util.List;

/** A transcript's utterances as SubRip or WebVTT cues, one cue per utterance. */
final class Subtitles {

    private final Transcript transcript;

    Subtitles(Transcript transcript) {
        this.transcript = transcript;
    }

    String srt() {
        StringBuilder out = new StringBuilder();
        int index = 1;
        for (List<TimedToken> words : transcript.segments()) {
            out.append(index++).append('\n')
                    .append(time(words.get(0).start(), ',')).append(" --> ")
                    .append(time(words.get(words.size() - 1).end(), ',')).append('\n')
                    .append(Transcript.text(words)).append("\n\n");
        }
        return out.toString();
    }

    String vtt() {
        StringBuilder out = new StringBuilder("WEBVTT\n\n");
        for (List<TimedToken> words : transcript.segments()) {
            out.append(time(words.get(0).start(), '.')).append(" --> ")
                    .append(time(words.get(words.size() - 1).end(), '.')).append('\n')
                    .append(Transcript.text(words)).append("\n\n");
        }
        return out.toString();
    }

    /** {@code HH:MM:SS,mmm} (SubRip) or {@code HH:MM:SS.mmm} (WebVTT). */
    private static String time(double seconds, char separator) {
        long millis = Math.round(seconds * 1000);
        return String.format("%02d:%02d:%02d%c%03d",
                millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, separator, millis % 1000);
    }
}
