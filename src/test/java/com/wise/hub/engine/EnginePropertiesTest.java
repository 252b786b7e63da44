package com.wise.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wise.hub.HubApplication;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** hub.engines binding: defaults, per-engine overrides, "not configured", and start-up failures that name the key. */
class EnginePropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EngineConfiguration.class, EngineCatalog.class);

    @Test
    void enginesTakeTheDefaultsUnlessTheySetTheirOwn() {
        runner.withPropertyValues("hub.engines.defaults.response-timeout=20s",
                "hub.engines.defaults.breaker.wait-duration-in-open-state=1500ms",
                "hub.engines.stt-1.url=http://stt-1:8005/", "hub.engines.stt-1.url-env=STT_ENGINE_1_URL",
                "hub.engines.stt-1.max-in-flight=8", "hub.engines.stt-1.breaker.failure-rate-threshold=25",
                "hub.engines.stt-2.url=").run(context -> {
                    EngineCatalog catalog = new EngineCatalog(context.getBean(EngineProperties.class));
                    EngineSettings one = catalog.get("stt-1");
                    assertThat(one.url()).isEqualTo(URI.create("http://stt-1:8005"));
                    assertThat(one.maxInFlight()).isEqualTo(8);
                    assertThat(one.responseTimeout()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(one.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(one.breaker().failureRateThreshold()).isEqualTo(25f);
                    assertThat(one.breaker().minimumNumberOfCalls()).isEqualTo(10);
                    assertThat(one.breaker().waitSecondsInOpenState()).isEqualTo(2);
                    EngineSettings two = catalog.get("stt-2");
                    assertThat(two.configured()).isFalse();
                    assertThat(two.urlSource()).isEqualTo("hub.engines.stt-2.url");
                    assertThat(catalog.configured()).extracting(EngineSettings::id).containsExactly("stt-1");
                });
    }

    @Test
    void malformedUrlFailsNamingThePropertyAndTheVariable() {
        runner.withPropertyValues("hub.engines.stt-1.url=localhost:8005",
                "hub.engines.stt-1.url-env=STT_ENGINE_1_URL").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("hub.engines.stt-1.url (STT_ENGINE_1_URL)"));
        runner.withPropertyValues("hub.engines.tts-1.url=ftp://tts:21").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("hub.engines.tts-1.url must be an http(s) URL"));
        runner.withPropertyValues("hub.engines.llm-1.url=http://user:pw@llm:8000").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("must not carry a query, fragment or credentials"));
    }

    @Test
    void timeoutThatIsNotPositiveFailsNamingTheProperty() {
        runner.withPropertyValues("hub.engines.stt-1.url=http://stt-1:8005",
                "hub.engines.stt-1.response-timeout=-1s").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("hub.engines.stt-1.response-timeout must be a positive"));
        runner.withPropertyValues("hub.engines.defaults.connect-timeout=0s").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("hub.engines.defaults.connect-timeout must be a positive"));
    }

    @Test
    void outOfRangeNumbersFailNamingTheProperty() {
        runner.withPropertyValues("hub.engines.stt-1.breaker.failure-rate-threshold=150").run(context ->
                assertThat(context).getFailure()
                        .hasStackTraceContaining("hub.engines.stt-1.breaker.failure-rate-threshold"));
        runner.withPropertyValues("hub.engines.stt-1.max-in-flight=0").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("hub.engines.stt-1.max-in-flight"));
    }

    @Test
    void engineIdsAreWellFormed() {
        runner.withPropertyValues("hub.engines.[STT_One].url=http://a:1").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("engine ids are lower-case"));
    }

    @Test
    void malformedEngineUrlStopsTheHubNamingTheVariable() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(HubApplication.class)
                .run("--server.port=0", "--STT_ENGINE_1_URL=stt-1:8005"))
                .hasStackTraceContaining("STT_ENGINE_1_URL");
    }
}
