package com.wise.hub.tts;

import com.wise.hub.engine.EngineCatalog;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The voice catalogue ({@code hub.tts.voices}) as routes/tts.yaml uses it: which engines speak a
 * voice, in failover order. Checked at start-up: a voice naming an engine that is not declared under
 * {@code hub.engines.tts} stops the hub with a message naming both.
 */
@Component("ttsVoices")
public class TtsVoices {

    private final TtsProperties properties;

    TtsVoices(TtsProperties properties, EngineCatalog engines) {
        this.properties = properties;
        properties.voices().forEach((name, voice) -> voice.engines().forEach(id -> {
            if (engines.find(id).filter(e -> e.capability().equals("tts")).isEmpty()) {
                throw new IllegalStateException("hub.tts.voices." + name + " names engine '" + id
                        + "', which is not declared under hub.engines.tts");
            }
        }));
    }

    /** The voice by the name a client sent (any case), if the catalogue has it. */
    Optional<TtsProperties.Voice> find(String name) {
        return Optional.ofNullable(properties.voices().get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every voice name, sorted, for error messages. */
    TreeSet<String> names() {
        return new TreeSet<>(properties.voices().keySet());
    }

    /** The engines to try for the checked request, in order. */
    public List<String> engines(@ExchangeProperty(SpeechRequestReader.SPEECH) SpeechRequest speech) {
        return properties.voices().get(speech.voice()).engines();
    }
}
