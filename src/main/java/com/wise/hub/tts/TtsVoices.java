package com.wise.hub.tts;

import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/** The voice catalogue ({@code hub.capabilities.tts.voices}) as the speech request reader uses it. */
@Component("ttsVoices")
public class TtsVoices {

    private final TtsProperties properties;

    TtsVoices(TtsProperties properties) {
        this.properties = properties;
    }

    /** The voice by the name a client sent (any case), if the catalogue has it. */
    Optional<TtsProperties.Voice> find(String name) {
        return Optional.ofNullable(properties.voices().get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every voice name, sorted, for error messages. */
    TreeSet<String> names() {
        return new TreeSet<>(properties.voices().keySet());
    }

    /** The language of the checked request's voice: the key of the capability's {@code engines-by-language}. */
    public String language(@ExchangeProperty(SpeechRequestReader.SPEECH) SpeechRequest speech) {
        return properties.voices().get(speech.voice()).language();
    }
}
