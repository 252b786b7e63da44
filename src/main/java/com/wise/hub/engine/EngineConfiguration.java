package com.wise.hub.engine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** {@link EngineProperties} from {@code hub.engines}: bound by hand, as its capabilities are not known in advance. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    @Bean
    EngineProperties engineProperties(Environment environment) {
        return EngineProperties.bind(environment);
    }
}
