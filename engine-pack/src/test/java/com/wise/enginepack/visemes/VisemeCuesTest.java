package com.wise.enginepack.visemes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VisemeCuesTest {

    @Test
    void fliteTimingBecomesMergedContiguousCues() {
        TimedPhones phones = FlitePhoneTimer.parse("""
                pau:0.164 m:0.255 ay:0.304 b:0.412 iy:0.548 pau:0.700
                pau:0.100 f:0.200 v:0.300 pau:0.400
                """);

        Map<String, Object> body = new VisemeCues().fromPhones(phones);

        assertThat(body.get("duration")).isEqualTo(1.1);
        assertThat(body.get("cues")).isEqualTo(List.of(
                cue(0.0, 0.164, "X"), cue(0.164, 0.255, "A"), cue(0.255, 0.304, "D"), cue(0.304, 0.412, "A"),
                cue(0.412, 0.548, "B"), cue(0.548, 0.8, "X"), cue(0.8, 1.0, "G"), cue(1.0, 1.1, "X")));
    }

    @Test
    void restFillsTheGapsBeforeAndAfterDecodedPhones() {
        TimedPhones phones = new TimedPhones(List.of(
                new com.wise.enginepack.sphinx.TimedToken("L", 0.2, 0.3, 1),
                new com.wise.enginepack.sphinx.TimedToken("UW", 0.3, 0.5, 1)), 0.9);

        Map<String, Object> body = new VisemeCues().fromPhones(phones);

        assertThat(body.get("cues")).isEqualTo(List.of(
                cue(0.0, 0.2, "X"), cue(0.2, 0.3, "H"), cue(0.3, 0.5, "F"), cue(0.5, 0.9, "X")));
    }

    private static Map<String, Object> cue(double start, double end, String value) {
        return Map.of("start", start, "end", end, "value", value);
    }
}
