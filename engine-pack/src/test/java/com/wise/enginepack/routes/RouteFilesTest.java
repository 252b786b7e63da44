package com.wise.enginepack.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.wise.enginepack.support.PackHttpTest;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RouteFilesTest extends PackHttpTest {

    @Autowired
    private CamelContext camelContext;

    @Test
    void everyRouteHasAKebabCaseIdAndTheSharedErrorPolicy() {
        Model model = camelContext.getCamelContextExtension().getContextPlugin(Model.class);

        assertThat(model.getRouteDefinitions()).extracting(RouteDefinition::getRouteId).containsExactlyInAnyOrder(
                "health", "stt-transcribe", "tts-flite-speak", "translate-text", "translate-languages",
                "phonemes-phonemize", "visemes-cues");
        assertThat(model.getRouteDefinitions()).allSatisfy(route -> {
            assertThat(route.getRouteId()).matches("[a-z]+(-[a-z0-9]+)*");
            assertThat(route.getRouteConfigurationId()).as(route.getRouteId()).isEqualTo("pack-errors");
        });
    }
}
