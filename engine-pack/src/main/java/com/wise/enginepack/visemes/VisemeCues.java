package com.wise.enginepack.visemes;

import com.wise.enginepack.sphinx.TimedToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns timed phones into the viseme contract {@code {duration, cues:[{start, end, value}]}}:
 * contiguous cues from 0 to the duration, one per run of phones with the same Rhubarb shape,
 * rest (X) before the first and after the last phone.
 */
@Component("visemeCues")
class VisemeCues {

    public Map<String, Object> fromPhones(TimedPhones timed) {
        List<Cue> cues = new ArrayList<>();
        List<TimedToken> phones = timed.phones();
        double cursor = 0;
        for (int i = 0; i < phones.size(); i++) {
            TimedToken phone = phones.get(i);
            if (phone.start() > cursor) {
                add(cues, cursor, phone.start(), "X");
            }
            double start = Math.max(cursor, phone.start());
            double end = i + 1 < phones.size() ? phones.get(i + 1).start() : phone.end();
            if (end > start) {
                add(cues, start, end, RhubarbShapes.of(phone.token()));
                cursor = end;
            }
        }
        if (timed.duration() > cursor) {
            add(cues, cursor, timed.duration(), "X");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("duration", round(Math.max(timed.duration(), cursor)));
        body.put("cues", cues.stream().map(Cue::toMap).toList());
        return body;
    }

    /** Appends a cue, or stretches the last one when it has the same shape. */
    private static void add(List<Cue> cues, double start, double end, String value) {
        Cue last = cues.isEmpty() ? null : cues.get(cues.size() - 1);
        if (last != null && last.value().equals(value)) {
            cues.set(cues.size() - 1, new Cue(last.start(), end, value));
        } else {
            cues.add(new Cue(start, end, value));
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private record Cue(double start, double end, String value) {
        Map<String, Object> toMap() {
            Map<String, Object> cue = new LinkedHashMap<>();
            cue.put("start", round(start));
            cue.put("end", round(end));
            cue.put("value", value);
            return cue;
        }
    }
}
