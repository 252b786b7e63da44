package com.wise.hub.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wise.hub.auth.AuthProperties;
import com.wise.hub.auth.TrustedProxyProperties;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The documented defaults and environment-variable names of hub.limits, hub.auth and hub.trusted-proxies. */
class LimitConfigurationTest {

    private static final String HASH = "bbb7163076e7a5322f273f19b9d530c77776788847e8c3e58484e13358ae0ff8";

    @Test
    void defaultsAreTheDocumentedOnes() {
        Binder binder = binder(Map.of());
        LimitProperties limits = limits(Map.of());
        assertThat(limits.timezone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        AuthProperties auth = binder.bindOrCreate("hub.auth", AuthProperties.class);
        assertThat(auth.mode()).isEqualTo(AuthProperties.Mode.token);
        assertThat(auth.mePath()).isEqualTo("/api/v1/auth/me");
        assertThat(auth.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(binder.bindOrCreate("hub", TrustedProxyProperties.class).trustedProxies()).isEmpty();
    }

    @Test
    void environmentVariablesBindByTheDocumentedNames() {
        Binder binder = binder(Map.of("HUB_CAPABILITIES_STT_LIMITS_PERMINUTE", "40", "HUB_CAPABILITIES_STT_LIMITS_PERDAY", "800",
                "HUB_LIMITS_TIMEZONE", "Asia/Tokyo", "HUB_AUTH_MODE", "off",
                "HUB_AUTH_APIKEYS_LMS", HASH, "HUB_TRUSTEDPROXIES", "10.0.0.0/8,fd00::/8"));
        LimitProperties limits = limits(Map.of("HUB_CAPABILITIES_STT_LIMITS_PERMINUTE", "40", "HUB_CAPABILITIES_STT_LIMITS_PERDAY", "800",
                "HUB_LIMITS_TIMEZONE", "Asia/Tokyo"));
        assertThat(limits.of("stt")).isEqualTo(LimitProperties.FeatureLimit.of(40, 800));
        assertThat(limits.timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        AuthProperties auth = binder.bindOrCreate("hub.auth", AuthProperties.class);
        assertThat(auth.mode()).isEqualTo(AuthProperties.Mode.off);
        assertThat(auth.apiKeys()).containsEntry("lms", HASH);
        assertThat(binder.bindOrCreate("hub", TrustedProxyProperties.class).trustedProxies())
                .isEqualTo(List.of("10.0.0.0/8", "fd00::/8"));
    }

    @Test
    void limitsHaveNoCapAndZeroOrUnlimitedTurnsOneOff() {
        LimitProperties limits = limits(Map.of("HUB_CAPABILITIES_STT_LIMITS_PERMINUTE", "1000000000", "HUB_CAPABILITIES_STT_LIMITS_PERDAY", "unlimited",
                "HUB_CAPABILITIES_TTS_LIMITS_PERMINUTE", "0"));
        assertThat(limits.of("stt").perMinute().value()).isEqualTo(1_000_000_000L);
        assertThat(limits.of("stt").perDay().unlimited()).isTrue();
        assertThat(limits.of("tts").perMinute().unlimited()).isTrue();
        assertThat(limits.of("tts").unlimited()).isFalse();
    }

    @Test
    void aPlanOverridesWhatItSetsAndTheDefaultPlanCoversCallersWithoutOne() {
        LimitProperties limits = limits(Map.of("HUB_CAPABILITIES_STT_LIMITS_PERMINUTE", "20", "HUB_CAPABILITIES_STT_LIMITS_PERDAY", "500",
                "HUB_LIMITS_PLANS_PREMIUM_STT_PERDAY", "5000", "HUB_LIMITS_PLANS_FREE_STT_PERDAY", "50",
                "HUB_LIMITS_PLANS_SCHOOL_STT_PERMINUTE", "unlimited", "HUB_LIMITS_PLANS_SCHOOL_STT_PERDAY", "unlimited",
                "HUB_LIMITS_DEFAULTPLAN", "free", "HUB_CAPABILITIES_TTS_LIMITS_PERMINUTE", "60"));
        assertThat(limits.of("stt", "premium")).isEqualTo(LimitProperties.FeatureLimit.of(20, 5000));
        assertThat(limits.of("stt", "school").unlimited()).isTrue();
        assertThat(limits.of("stt", null)).isEqualTo(LimitProperties.FeatureLimit.of(20, 50));
        assertThat(limits.of("stt", "platinum")).as("a plan the hub does not know").isEqualTo(limits.of("stt", null));
        assertThat(limits.of("tts", "premium")).as("a feature the plan leaves alone").isEqualTo(limits.of("tts"));
        AuthProperties auth = binder(Map.of("HUB_AUTH_APIKEYS_LMS", HASH, "HUB_AUTH_KEYPLANS_LMS", "school"))
                .bindOrCreate("hub.auth", AuthProperties.class);
        assertThat(auth.keyPlans()).containsEntry("lms", "school");
    }

    @Test
    void invalidValuesStopStartUpWithTheKeyNamed() {
        assertThatThrownBy(() -> limits(Map.of("HUB_CAPABILITIES_STT_LIMITS_PERMINUTE", "-1"))).hasStackTraceContaining("a limit is a positive count, 0 or unlimited");
        assertThatThrownBy(() -> limits(Map.of("HUB_CAPABILITIES_STT_LIMITS_PERMINUTE", "lots"))).hasStackTraceContaining("hub.capabilities.stt.limits.per-minute");
        assertThatThrownBy(() -> limits(Map.of("HUB_LIMITS_PLANS_GOLD_KARAOKE_PERDAY", "5"))).hasStackTraceContaining("hub.limits.plans.gold.karaoke is not a capability");
        assertThatThrownBy(() -> limits(Map.of("HUB_LIMITS_DEFAULTPLAN", "gold"))).hasStackTraceContaining("hub.limits.plans does not define it");
        assertThatThrownBy(() -> new AuthProperties(AuthProperties.Mode.token, null, "/me", Duration.ofMinutes(5),
                Duration.ofSeconds(2), Map.of("lms", "svc-key-123"), Duration.ofMinutes(1), 30, Map.of()))
                .hasMessageContaining("hub.auth.api-keys.lms");
        assertThatThrownBy(() -> new AuthProperties(AuthProperties.Mode.token, "ftp://id", "/me",
                Duration.ofMinutes(5), Duration.ofSeconds(2), Map.of(), Duration.ofMinutes(1), 30, Map.of()))
                .hasMessageContaining("IDENTITY_URL");
        assertThatThrownBy(() -> new AuthProperties(AuthProperties.Mode.token, null, "/me", Duration.ofMinutes(5),
                Duration.ofSeconds(2), Map.of("lms", HASH), Duration.ofMinutes(1), 30, Map.of("crm", "school")))
                .hasMessageContaining("hub.auth.key-plans.crm names no key");
        assertThatThrownBy(() -> limits().of("karaoke")).hasMessageContaining("No capability named 'karaoke' is declared");
    }

    private static LimitProperties limits() {
        return limits(Map.of());
    }

    /** As the hub binds hub.limits, from these environment variables only. */
    private static LimitProperties limits(Map<String, Object> variables) {
        return LimitProperties.bind(environment(variables));
    }

    private static Binder binder(Map<String, Object> variables) {
        return Binder.get(environment(variables));
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return env;
    }
}
