package com.wise.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one catalog: hub.engines and other sources (the Triton targets) side by side. */
class EngineCatalogTest {

    private static final BreakerSettings BREAKER = new BreakerSettings(50, 5, 20, Duration.ofSeconds(30), 2);

    @Test
    void engineSourcesJoinTheDeclaredEnginesAndKeepTheirOrderPerCapability() {
        EngineCatalog catalog = new EngineCatalog(List.of(http("stt-1")),
                List.of(source(grpc("triton-1"), grpc("triton-2"))));

        assertThat(catalog.all()).extracting(EngineSettings::id).containsExactly("stt-1", "triton-1", "triton-2");
        assertThat(catalog.sourcedFor("pronunciation")).containsExactly("triton-1", "triton-2");
        assertThat(catalog.sourcedFor("chat")).isEmpty();
        assertThat(catalog.get("triton-1").grpc()).isTrue();
        assertThat(catalog.get("triton-1").http()).isFalse();
        assertThat(catalog.get("stt-1").http()).isTrue();
    }

    @Test
    void anEngineIdUsedTwiceAcrossSourcesStopsTheStart() {
        assertThatThrownBy(() -> new EngineCatalog(List.of(http("triton-1")), List.of(source(grpc("triton-1")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'triton-1' is declared twice");
    }

    private static EngineSource source(EngineSettings... engines) {
        return new EngineSource() {
            @Override
            public String capability() {
                return "pronunciation";
            }

            @Override
            public List<EngineSettings> engines() {
                return List.of(engines);
            }
        };
    }

    private static EngineSettings http(String id) {
        return new EngineSettings(id, URI.create("http://" + id + ":8005"), null, Duration.ofSeconds(2),
                Duration.ofSeconds(30), 64, "/health", BREAKER, null);
    }

    private static EngineSettings grpc(String id) {
        return new EngineSettings(id, URI.create("grpc://" + id + ":8001"), "INFERENCE_GPU_URL",
                Duration.ofSeconds(10), Duration.ofSeconds(10), 64, null, BREAKER, null);
    }
}
