package com.wise.enginepack.engines;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An engine this pack can serve: its name in {@code pack.engines}, the route file that serves it
 * and the HTTP path it answers on (two engines on one path cannot share a process).
 */
public enum Engine {
    STT("stt", "POST /v1/audio/transcriptions"),
    TTS_FLITE("tts-flite", "POST /v1/audio/speech"),
    TTS_ESPEAK("tts-espeak", "POST /v1/audio/speech"),
    TRANSLATE("translate", "POST /translate"),
    PHONEMES("phonemes", "POST /phonemize"),
    VISEMES("visemes", "POST /visemes"),
    GRAMMAR("grammar", "POST /v2/check");

    private final String id;
    private final String endpoint;

    Engine(String id, String endpoint) {
        this.id = id;
        this.endpoint = endpoint;
    }

    /** The name used in {@code pack.engines}, in the route file name and as the gate's name. */
    public String id() {
        return id;
    }

    String endpoint() {
        return endpoint;
    }

    String routeFile() {
        return "classpath:routes/" + id + ".yaml";
    }

    static Optional<Engine> byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(Engine::id).toList();
    }
}
