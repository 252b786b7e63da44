package com.wise.enginepack.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineSelectionTest {

    @Test
    void selectsNamedEnginesInOrderWithoutDuplicates() {
        assertThat(EngineSelection.select(List.of("phonemes", " stt ", "phonemes", "")))
                .containsExactly(Engine.PHONEMES, Engine.STT);
    }

    @Test
    void unknownEngineStopsTheStartWithTheKnownNames() {
        assertThatThrownBy(() -> EngineSelection.select(List.of("stt", "whisper")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'whisper'")
                .hasMessageContaining("tts-flite");
    }

    @Test
    void twoEnginesOnOneEndpointCannotShareAProcess() {
        assertThatThrownBy(() -> EngineSelection.select(List.of("tts-flite", "tts-espeak")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/v1/audio/speech");
    }

    @Test
    void noEngineIsAnError() {
        assertThatThrownBy(() -> EngineSelection.select(List.of(" ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty");
    }
}
