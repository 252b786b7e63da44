package com.wise.hub.ratelimit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** {@link LimitProperties} from {@code hub.limits}: bound by hand, as its features are not known in advance. */
@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

    @Bean
    LimitProperties limitProperties(Environment environment) {
        return LimitProperties.bind(environment);
    }
}
