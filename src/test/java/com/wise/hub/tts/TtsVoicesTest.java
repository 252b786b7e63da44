package com.wise.hub.tts;

import static org.assertj.core.api.Assertions.assertThat;

import com.wise.hub.engine.EngineCatalog;
import com.wise.hub.engine.EngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** hub.tts.voices binding: defaults, case, engine voices, and start-up failures that name the voice. */
class TtsVoicesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TtsProperties.class)
    @Import({EngineConfiguration.class, EngineCatalog.class, TtsVoices.class})
    static class Bind {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bind.class)
            .withPropertyValues("hub.engines.tts.tts-1.url=", "hub.engines.tts.tts-vi.url=",
                    "hub.engines.stt.stt-1.url=");

    @Test
    void aVoiceKeepsItsEnginesInOrderAndItsEngineNameDefaultsToItsOwn() {
        runner.withPropertyValues("hub.tts.voices.Alloy.engines=tts-1,tts-vi",
                "hub.tts.voices.vi-female.engines=tts-vi", "hub.tts.voices.vi-female.engine-voice=vi+f3").run(context -> {
                    TtsVoices voices = context.getBean(TtsVoices.class);
                    assertThat(voices.find("ALLOY")).hasValueSatisfying(v -> {
                        assertThat(v.engines()).containsExactly("tts-1", "tts-vi");
                        assertThat(v.engineVoice()).isEqualTo("Alloy");
                    });
                    assertThat(voices.find("vi-female")).hasValueSatisfying(v -> assertThat(v.engineVoice())
                            .isEqualTo("vi+f3"));
                    assertThat(voices.find("darth")).isEmpty();
                    assertThat(voices.names()).containsExactly("alloy", "vi-female");
                });
    }

    @Test
    void aVoiceOfAnUndeclaredOrForeignEngineStopsTheStart() {
        runner.withPropertyValues("hub.tts.voices.alloy.engines=tts-9").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("hub.tts.voices.alloy names engine 'tts-9'"));
        runner.withPropertyValues("hub.tts.voices.alloy.engines=stt-1").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("not declared under hub.engines.tts"));
    }

    @Test
    void aVoiceWithoutEnginesOrALimitBelowOneStopsTheStart() {
        runner.withPropertyValues("hub.tts.voices.alloy.language=en").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("hub.tts.voices.alloy.engines must list at least one engine"));
        runner.withPropertyValues("hub.tts.max-input-length=0").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("hub.tts.max-input-length must be at least 1"));
    }
}
