package com.wise.hub.tts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** hub.capabilities.tts.voices binding: defaults, case, engine voices, and start-up failures that name the voice. */
class TtsVoicesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TtsProperties.class)
    @Import(TtsVoices.class)
    static class Bind {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bind.class);

    @Test
    void aVoiceKeepsItsLanguageAndItsEngineNameDefaultsToItsOwn() {
        runner.withPropertyValues("hub.capabilities.tts.voices.Alloy.language=EN",
                "hub.capabilities.tts.voices.vi-female.language=vi",
                "hub.capabilities.tts.voices.vi-female.engine-voice=vi+f3").run(context -> {
                    TtsVoices voices = context.getBean(TtsVoices.class);
                    assertThat(voices.find("ALLOY")).hasValueSatisfying(v -> {
                        assertThat(v.language()).isEqualTo("en");
                        assertThat(v.engineVoice()).isEqualTo("Alloy");
                    });
                    assertThat(voices.find("vi-female")).hasValueSatisfying(v -> assertThat(v.engineVoice())
                            .isEqualTo("vi+f3"));
                    assertThat(voices.find("darth")).isEmpty();
                    assertThat(voices.names()).containsExactly("alloy", "vi-female");
                });
    }

    @Test
    void aVoiceWithoutALanguageOrALimitBelowOneStopsTheStart() {
        runner.withPropertyValues("hub.capabilities.tts.voices.alloy.engine-voice=af_alloy").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("hub.capabilities.tts.voices.alloy.language must name the voice's language"));
        runner.withPropertyValues("hub.capabilities.tts.max-input-length=0").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("hub.capabilities.tts.max-input-length must be at least 1"));
    }
}
