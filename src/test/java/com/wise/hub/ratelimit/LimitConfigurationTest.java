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
        LimitProperties limits = binder.bindOrCreate("hub.limits", LimitProperties.class);
        assertThat(limits.timezone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        AuthProperties auth = binder.bindOrCreate("hub.auth", AuthProperties.class);
        assertThat(auth.mode()).isEqualTo(AuthProperties.Mode.token);
        assertThat(auth.mePath()).isEqualTo("/api/v1/auth/me");
        assertThat(auth.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(binder.bindOrCreate("hub", TrustedProxyProperties.class).trustedProxies()).isEmpty();
    }

    @Test
    void environmentVariablesBindByTheDocumentedNames() {
        Binder binder = binder(Map.of("HUB_LIMITS_STT_PERMINUTE", "40", "HUB_LIMITS_STT_PERDAY", "800",
                "HUB_LIMITS_TIMEZONE", "Asia/Tokyo", "HUB_AUTH_MODE", "off",
                "HUB_AUTH_APIKEYS_LMS", HASH, "HUB_TRUSTEDPROXIES", "10.0.0.0/8,fd00::/8"));
        LimitProperties limits = binder.bindOrCreate("hub.limits", LimitProperties.class);
        assertThat(limits.of("stt")).isEqualTo(new LimitProperties.FeatureLimit(40, 800));
        assertThat(limits.timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        AuthProperties auth = binder.bindOrCreate("hub.auth", AuthProperties.class);
        assertThat(auth.mode()).isEqualTo(AuthProperties.Mode.off);
        assertThat(auth.apiKeys()).containsEntry("lms", HASH);
        assertThat(binder.bindOrCreate("hub", TrustedProxyProperties.class).trustedProxies())
                .isEqualTo(List.of("10.0.0.0/8", "fd00::/8"));
    }

    @Test
    void invalidValuesStopStartUpWithTheKeyNamed() {
        assertThatThrownBy(() -> new LimitProperties.FeatureLimit(0, 10)).hasMessageContaining("per-minute");
        assertThatThrownBy(() -> new LimitProperties.FeatureLimit(1_000_000_000, 10))
                .hasMessageContaining("per-minute must be at most 10000");
        assertThat(new LimitProperties.FeatureLimit(10_000, 10).perMinute()).isEqualTo(10_000);
        assertThatThrownBy(() -> new AuthProperties(AuthProperties.Mode.token, null, "/me", Duration.ofMinutes(5),
                Duration.ofSeconds(2), Map.of("lms", "svc-key-123"), Duration.ofMinutes(1), 30))
                .hasMessageContaining("hub.auth.api-keys.lms");
        assertThatThrownBy(() -> new AuthProperties(AuthProperties.Mode.token, "ftp://id", "/me",
                Duration.ofMinutes(5), Duration.ofSeconds(2), Map.of(), Duration.ofMinutes(1), 30))
                .hasMessageContaining("IDENTITY_URL");
        assertThatThrownBy(() -> limits().of("karaoke")).hasMessageContaining("No hub.limits feature named 'karaoke'");
    }

    private static LimitProperties limits() {
        return binder(Map.of()).bindOrCreate("hub.limits", LimitProperties.class);
    }

    private static Binder binder(Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.get(env));
    }
}
