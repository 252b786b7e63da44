package com.wise.hub.config;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Points Tomcat (base, work and multipart directories) and Camel's stream-cache spool into the
 * hub's own temporary directory, so they are deleted with it. Left to themselves, Tomcat makes
 * {@code /tmp/tomcat.<port>.*} and {@code /tmp/tomcat-docbase.<port>.*} that stay after the JVM exits.
 */
@Configuration(proxyBeanMethods = false)
class TempDirectoryWiring {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatInHubTempDirectory(HubTempDirectory temp) {
        return factory -> {
            factory.setBaseDirectory(temp.tomcat().toFile());
            factory.setDocumentRoot(temp.documentRoot().toFile());
        };
    }

    @Bean
    CamelContextConfiguration spoolInHubTempDirectory(HubTempDirectory temp) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                camelContext.getStreamCachingStrategy().setSpoolDirectory(temp.spool().toFile());
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
            }
        };
    }
}
