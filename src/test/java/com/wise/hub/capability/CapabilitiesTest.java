package com.wise.hub.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wise.hub.engine.EngineCatalog;
import com.wise.hub.engine.EngineProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** hub.capabilities.*: the engine chain a request gets from the rules, and the start-up checks naming the property. */
class CapabilitiesTest {

    private static MockEnvironment environment() {
        return new MockEnvironment()
                .withProperty("hub.engines.stt-1.url", "")
                .withProperty("hub.engines.stt-2.url", "")
                .withProperty("hub.engines.stt-3.url", "")
                .withProperty("hub.engines.defaults.deadline", "45s");
    }

    private static Capabilities bind(MockEnvironment environment) {
        EngineProperties engines = EngineProperties.bind(environment);
        return new Capabilities(environment, new EngineCatalog(engines), engines);
    }

    @Test
    void aVoiceRuleBeatsAModelRuleWhichBeatsALanguageRuleWhichBeatsTheEngines() {
        Capability stt = bind(environment()
                .withProperty("hub.capabilities.stt.engines", "stt-1,stt-2")
                .withProperty("hub.capabilities.stt.engines-by-language.vi", "stt-2,stt-1")
                .withProperty("hub.capabilities.stt.engines-by-model.whisper-large", "stt-3")
                .withProperty("hub.capabilities.stt.engines-by-voice.nova", "stt-3,stt-1")).get("stt");

        assertThat(stt.chain(null, null, null)).containsExactly("stt-1", "stt-2");
        assertThat(stt.chain(null, null, "en")).containsExactly("stt-1", "stt-2");
        assertThat(stt.chain(null, null, "VI")).containsExactly("stt-2", "stt-1");
        assertThat(stt.chain(null, "whisper-large", "vi")).containsExactly("stt-3");
        assertThat(stt.chain("Nova", "whisper-large", "vi")).containsExactly("stt-3", "stt-1");
    }

    @Test
    void unsetValuesAreNotCachedIdempotentAndTheEnginesDefaultDeadline() {
        Capability plain = bind(environment().withProperty("hub.capabilities.plain.engines", "stt-1")).get("plain");

        assertThat(plain.cached()).isFalse();
        assertThat(plain.idempotent()).isTrue();
        assertThat(plain.deadline()).isEqualTo(Duration.ofSeconds(45));

        Capability cached = bind(environment().withProperty("hub.capabilities.tts.engines", "stt-1")
                .withProperty("hub.capabilities.tts.cache-ttl", "7d")
                .withProperty("hub.capabilities.tts.idempotent", "false")
                .withProperty("hub.capabilities.tts.deadline", "20s")).get("tts");
        assertThat(cached.cacheTtl()).hasValue(Duration.ofDays(7));
        assertThat(cached.idempotent()).isFalse();
        assertThat(cached.deadline()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void anUndeclaredEngineStopsStartUpNamingTheRuleAndTheDeclaredEngines() {
        assertThatThrownBy(() -> bind(environment().withProperty("hub.capabilities.stt.engines", "stt-1")
                .withProperty("hub.capabilities.stt.engines-by-language.vi", "stt-9")))
                .hasMessageContaining("hub.capabilities.stt.engines-by-language.vi names engine 'stt-9'")
                .hasMessageContaining("declared: [").hasMessageContaining("stt-1").hasMessageContaining("stt-3");
        assertThatThrownBy(() -> bind(environment().withProperty("hub.capabilities.stt.engines", "stt-1,nope")))
                .hasMessageContaining("hub.capabilities.stt.engines names engine 'nope'");
    }

    @Test
    void languageKeysAreIsoCodesAndDurationsAndNamesAreChecked() {
        assertThatThrownBy(() -> bind(environment().withProperty("hub.capabilities.stt.engines-by-language.vietnamese",
                "stt-2"))).hasMessageContaining("hub.capabilities.stt.engines-by-language.vietnamese");
        assertThatThrownBy(() -> bind(environment().withProperty("hub.capabilities.tts.cache-ttl", "forever")))
                .hasMessageContaining("hub.capabilities.tts.cache-ttl must be a duration such as 7d, or none");
        assertThatThrownBy(() -> bind(environment().withProperty("hub.capabilities.tts.cache-ttl", "0s")))
                .hasMessageContaining("hub.capabilities.tts.cache-ttl must be a positive duration");
        assertThatThrownBy(() -> bind(environment().withProperty("hub.capabilities.tts.deadline", "0s")))
                .hasMessageContaining("hub.capabilities.tts.deadline must be a positive duration");
        assertThatThrownBy(() -> bind(environment().withProperty("hub.capabilities.9lives.engines", "stt-1")))
                .hasMessageContaining("a capability name is lower-case letters, digits and '-'");
    }

    @Test
    void anUnknownCapabilityIsAnErrorNamingTheDeclaredOnes() {
        Capabilities capabilities = bind(environment().withProperty("hub.capabilities.stt.engines", "stt-1"));
        assertThatThrownBy(() -> capabilities.get("karaoke"))
                .hasMessageContaining("no capability 'karaoke' is declared under hub.capabilities; declared: [stt]");
    }
}
