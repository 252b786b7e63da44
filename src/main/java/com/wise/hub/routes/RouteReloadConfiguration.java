package com.wise.hub.routes;

import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * With {@code hub.routes.reload=true}, watches {@code hub.routes.dir} with {@link RouteFileReloading}
 * (Camel's own watcher, {@code camel.main.routes-reload-enabled}, stays off: it cannot be replaced,
 * only added to). Registered once the routes are loaded, as Camel registers its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.routes.reload", havingValue = "true")
class RouteReloadConfiguration {

    @Bean
    CamelContextConfiguration routeFileReloading(Environment environment, RouteFileFailures failures, Clock clock) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                try {
                    camel.addService(new RouteFileReloading(environment.getRequiredProperty("hub.routes.dir"), failures,
                            clock));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot watch hub.routes.dir for route changes", e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }
}
