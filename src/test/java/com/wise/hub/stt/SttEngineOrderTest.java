package com.wise.hub.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wise.hub.engine.BreakerSettings;
import com.wise.hub.engine.EngineCatalog;
import com.wise.hub.engine.EngineProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Engine order per language, and the start-up checks of hub.stt.*. */
class SttEngineOrderTest {

    private static final EngineCatalog CATALOG = catalog();

    @Test
    void aLanguageWithARuleGetsItsOrderOthersTheDefault() {
        SttEngineOrder order = new SttEngineOrder(properties(Map.of("vi", List.of("stt-2", "stt-1"))), CATALOG);
        assertThat(order.forLanguage("vi")).containsExactly("stt-2", "stt-1");
        assertThat(order.forLanguage("VI")).containsExactly("stt-2", "stt-1");
        assertThat(order.forLanguage("en")).containsExactly("stt-1", "stt-2");
        assertThat(order.forLanguage(null)).containsExactly("stt-1", "stt-2");
        assertThat(order.deadline()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anUndeclaredEngineStopsStartUpNamingTheRule() {
        assertThatThrownBy(() -> new SttEngineOrder(properties(Map.of("vi", List.of("stt-3"))), CATALOG))
                .hasMessageContaining("hub.stt.languages.vi names engine 'stt-3'");
    }

    @Test
    void anEngineOfAnotherCapabilityStopsStartUp() {
        assertThatThrownBy(() -> new SttEngineOrder(properties(Map.of("vi", List.of("tts-vi"))), CATALOG))
                .hasMessageContaining("is a tts engine");
    }

    @Test
    void languageKeysMustBeIsoCodes() {
        assertThatThrownBy(() -> properties(Map.of("vietnamese", List.of("stt-2"))))
                .hasMessageContaining("hub.stt.languages.vietnamese");
    }

    private static SttProperties properties(Map<String, List<String>> languages) {
        return new SttProperties(Duration.ofSeconds(60), List.of("stt-1", "stt-2"), languages, DataSize.ofMegabytes(25),
                List.of("whisper-1"));
    }

    private static EngineCatalog catalog() {
        EngineProperties.Defaults defaults = new EngineProperties.Defaults(Duration.ofSeconds(2),
                Duration.ofSeconds(30), 64, Duration.ofSeconds(60), "/health",
                new BreakerSettings(50, 10, 20, Duration.ofSeconds(30), 2));
        EngineProperties.Engine blank = new EngineProperties.Engine("", null, null, null, null, null, null);
        return new EngineCatalog(new EngineProperties(defaults, java.util.Map.of("stt", Map.of("stt-1", blank, "stt-2",
                blank), "tts", Map.of("tts-vi", blank))));
    }
}
