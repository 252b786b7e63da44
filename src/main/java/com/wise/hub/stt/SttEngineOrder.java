package com.wise.hub.stt;

import com.wise.hub.engine.EngineCatalog;
import com.wise.hub.engine.EngineSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which STT engines a transcription tries, in order: the list configured for its language
 * ({@code hub.stt.languages}), else {@code hub.stt.engines}. Checked at start-up: every id must be a
 * speech-to-text engine declared under {@code hub.engines.stt}.
 */
@Component("sttEngineOrder")
public class SttEngineOrder {

    private final SttProperties properties;

    SttEngineOrder(SttProperties properties, EngineCatalog catalog) {
        this.properties = properties;
        check("hub.stt.engines", properties.engines(), catalog);
        for (Map.Entry<String, List<String>> rule : properties.languages().entrySet()) {
            check("hub.stt.languages." + rule.getKey(), rule.getValue(), catalog);
        }
    }

    /** The engine ids to try for {@code language} (any case; null or unknown = the default order). */
    public List<String> forLanguage(String language) {
        if (language == null) {
            return properties.engines();
        }
        return properties.languages().getOrDefault(language.toLowerCase(Locale.ROOT), properties.engines());
    }

    /** The time budget of one transcription, {@code hub.stt.deadline}. */
    public Duration deadline() {
        return properties.deadline();
    }

    private static void check(String property, List<String> ids, EngineCatalog catalog) {
        for (String id : ids) {
            EngineSettings engine = catalog.find(id).orElseThrow(() -> new IllegalStateException(property
                    + " names engine '" + id + "', which is not declared under hub.engines.stt"));
            if (!"stt".equals(engine.capability())) {
                throw new IllegalStateException(property + " names engine '" + id + "', which is a "
                        + engine.capability() + " engine, not a speech-to-text one (hub.engines.stt)");
            }
        }
    }
}
