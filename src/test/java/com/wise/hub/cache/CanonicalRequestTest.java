package com.wise.hub.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalRequestTest {

    @Test
    void fieldOrderDoesNotChangeTheHash() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("text", "hello");
        first.put("target", "vi");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("target", "vi");
        second.put("text", "hello");

        assertThat(CanonicalRequest.sha256(first)).isEqualTo(CanonicalRequest.sha256(second));
    }

    @Test
    void textIsComparedTrimmedAndInUnicodeNfc() {
        String composed = "Vi\u1EC7t";          // ệ as one code point
        String decomposed = "Vie\u0323\u0302t"; // e + dot below + circumflex

        assertThat(CanonicalRequest.sha256(Map.of("text", "  " + decomposed + "\n")))
                .isEqualTo(CanonicalRequest.sha256(Map.of("text", composed)));
    }

    @Test
    void numbersCompareByValueAndNullsAsAbsent() {
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("speed", 1.0);
        withNull.put("model", null);

        assertThat(CanonicalRequest.sha256(withNull)).isEqualTo(CanonicalRequest.sha256(Map.of("speed", 1)));
        assertThat(CanonicalRequest.sha256(Map.of("speed", 1.5))).isNotEqualTo(CanonicalRequest.sha256(Map.of("speed", 1)));
    }

    @Test
    void anyAnswerChangingDifferenceChangesTheHash() {
        String base = CanonicalRequest.sha256(Map.of("text", "hello", "target", "vi"));

        assertThat(CanonicalRequest.sha256(Map.of("text", "Hello", "target", "vi"))).isNotEqualTo(base);
        assertThat(CanonicalRequest.sha256(Map.of("text", "hello", "target", "es"))).isNotEqualTo(base);
        assertThat(CanonicalRequest.sha256(Map.of("text", "hello world", "target", "vi")))
                .isNotEqualTo(CanonicalRequest.sha256(Map.of("text", "hello  world", "target", "vi")));
        assertThat(CanonicalRequest.sha256(Map.of("list", List.of("a", "b"))))
                .isNotEqualTo(CanonicalRequest.sha256(Map.of("list", List.of("b", "a"))));
    }

    @Test
    void binaryValuesEnterByTheirContent() {
        assertThat(CanonicalRequest.sha256(Map.of("audio", new byte[] {1, 2, 3})))
                .isEqualTo(CanonicalRequest.sha256(Map.of("audio", new byte[] {1, 2, 3})))
                .isNotEqualTo(CanonicalRequest.sha256(Map.of("audio", new byte[] {1, 2, 4})));
        assertThat(CanonicalRequest.sha256(Map.of())).matches("[0-9a-f]{64}");
    }

    @Test
    void rejectsValuesItCannotCompare() {
        assertThatThrownBy(() -> CanonicalRequest.sha256(Map.of("when", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
