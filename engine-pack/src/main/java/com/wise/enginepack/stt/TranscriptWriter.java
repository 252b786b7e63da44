package com.wise.enginepack.stt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.enginepack.sphinx.TimedToken;
import com.wise.enginepack.web.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Writes a transcript in the OpenAI response format asked for: {@code json} ({"text"}),
 * {@code text}, {@code verbose_json} (language, duration, text, segments, words), {@code srt}
 * or {@code vtt}.
 */
@Component("transcriptWriter")
class TranscriptWriter {

    private final ObjectMapper json;

    TranscriptWriter(ObjectMapper json) {
        this.json = json;
    }

    public Reply write(@Body Transcript transcript, @ExchangeProperty("responseFormat") String format)
            throws JsonProcessingException {
        return switch (format) {
            case "text" -> text(transcript.text() + "\n", "text/plain; charset=utf-8");
            case "srt" -> text(new Subtitles(transcript).srt(), "application/x-subrip; charset=utf-8");
            case "vtt" -> text(new Subtitles(transcript).vtt(), "text/vtt; charset=utf-8");
            case "verbose_json" -> new Reply(json.writeValueAsBytes(verbose(transcript)), "application/json");
            default -> new Reply(json.writeValueAsBytes(Map.of("text", transcript.text())), "application/json");
        };
    }

    private static Reply text(String body, String contentType) {
        return new Reply(body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private static Map<String, Object> verbose(Transcript transcript) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("task", "transcribe");
        doc.put("language", Locale.forLanguageTag(transcript.language()).getDisplayLanguage(Locale.ENGLISH)
                .toLowerCase(Locale.ROOT));
        doc.put("duration", transcript.duration());
        doc.put("text", transcript.text());
        List<Map<String, Object>> segments = new ArrayList<>();
        for (List<TimedToken> words : transcript.segments()) {
            Map<String, Object> segment = new LinkedHashMap<>();
            segment.put("id", segments.size());
            segment.put("seek", Math.round(words.get(0).start() * 100));
            segment.put("start", words.get(0).start());
            segment.put("end", words.get(words.size() - 1).end());
            segment.put("text", Transcript.text(words));
            segment.put("avg_logprob", averageLogProbability(words));
            segments.add(segment);
        }
        doc.put("segments", segments);
        doc.put("words", transcript.words().stream().map(TranscriptWriter::word).toList());
        return doc;
    }

    private static Map<String, Object> word(TimedToken token) {
        Map<String, Object> word = new LinkedHashMap<>();
        word.put("word", token.token());
        word.put("start", token.start());
        word.put("end", token.end());
        word.put("probability", token.probability());
        return word;
    }

    /** Mean natural log of the words' posteriors, floored at 1e-6 so a zero stays finite. */
    private static double averageLogProbability(List<TimedToken> words) {
        double sum = words.stream().mapToDouble(w -> Math.log(Math.max(w.probability(), 1e-6))).sum();
        return Math.round(sum / words.size() * 10000) / 10000.0;
    }
}
