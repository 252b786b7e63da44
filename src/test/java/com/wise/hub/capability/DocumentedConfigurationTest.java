package com.wise.hub.capability;

import static org.assertj.core.api.Assertions.assertThat;

import com.wise.hub.engine.EngineCatalog;
import com.wise.hub.engine.EngineProperties;
import com.wise.hub.engine.EngineSettings;
import com.wise.hub.ratelimit.LimitProperties;
import com.wise.hub.support.DocExamples;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/**
 * The configuration examples of docs/routes.md, pasted as ./config/application.yaml would be: on top of
 * the shipped application.yaml, bound as the hub binds them. (The karaoke example runs as a whole in
 * routes/NewCapabilityTest, the environment-variable form in engine/EngineFromEnvironmentTest.)
 */
class DocumentedConfigurationTest {

    @Test
    void aThirdSttEngineForThaiKeepsTheShippedRules() throws IOException {
        StandardEnvironment environment = hubWith("# ./config/application.yaml: a third STT engine, first for Thai");
        environment.getPropertySources().addFirst(new MapPropertySource("variables",
                Map.of("STT_ENGINE_3_URL", "http://stt-3:8010")));
        EngineProperties engines = EngineProperties.bind(environment);
        EngineCatalog catalog = new EngineCatalog(engines);
        Capability stt = new Capabilities(environment, catalog, engines).get("stt");

        EngineSettings third = catalog.get("stt-3");
        assertThat(third.url()).hasToString("http://stt-3:8010");
        assertThat(third.urlEnv()).isEqualTo("STT_ENGINE_3_URL");
        assertThat(third.responseTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(third.maxInFlight()).isEqualTo(16);
        assertThat(third.breaker().waitDurationInOpenState()).isEqualTo(Duration.ofSeconds(10));
        assertThat(stt.chain(null, null, "th")).containsExactly("stt-3", "stt-2");
        assertThat(stt.chain(null, null, "vi")).containsExactly("stt-2", "stt-1");
        assertThat(stt.chain(null, null, "en")).containsExactly("stt-1", "stt-2");
    }

    @Test
    void thePlansExampleGivesEachPlanItsLimits() throws IOException {
        LimitProperties limits = LimitProperties.bind(hubWith("# ./config/application.yaml: plans"));

        assertThat(limits.of("stt", null)).isEqualTo(LimitProperties.FeatureLimit.of(20, 50));
        assertThat(limits.of("stt", "premium")).isEqualTo(LimitProperties.FeatureLimit.of(20, 5000));
        assertThat(limits.of("stt", "school").perMinute().value()).isEqualTo(1000);
        assertThat(limits.of("stt", "school").perDay().unlimited()).isTrue();
        assertThat(limits.of("translation", "premium")).isEqualTo(limits.of("translation"));
    }

    /** The shipped application.yaml with the documented block over it, as Spring Boot layers ./config/application.yaml. */
    private static StandardEnvironment hubWith(String block) throws IOException {
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        StandardEnvironment environment = new StandardEnvironment();
        List<PropertySource<?>> example = yaml.load("example", new ByteArrayResource(
                DocExamples.block("docs/routes.md", block).getBytes()));
        List<PropertySource<?>> shipped = yaml.load("shipped", new ClassPathResource("application.yaml"));
        example.forEach(environment.getPropertySources()::addLast);
        shipped.forEach(environment.getPropertySources()::addLast);
        return environment;
    }
}
