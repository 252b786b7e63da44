package com.wise.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Start-up contract: bad configuration stops the hub with a message naming it; JMX shows Camel's MBeans. */
class HubStartupTest {

    @Test
    void malformedCacheUrlStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> start("--CACHE_URL=localhost:6379"))
                .hasStackTraceContaining("CACHE_URL");
    }

    @Test
    void negativeTimeoutStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> start("--hub.redis.timeout=-5ms"))
                .hasStackTraceContaining("hub.redis.timeout");
    }

    @Test
    void camelMBeansAreRegisteredOverJmx() throws Exception {
        // A hub started earlier in this JVM with camel.main.jmx-enabled=false (most tests) leaves Camel's
        // JVM-wide switch (a static in DefaultCamelContext) off; a deployment runs one hub per JVM.
        org.apache.camel.impl.DefaultCamelContext.setDisableJmx(false);
        try (ConfigurableApplicationContext context = start("--camel.main.jmx-enabled=true",
                "--camel.main.name=jmx-check")) {
            // Route MBeans are registered as Camel adds the routes.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(ManagementFactory.getPlatformMBeanServer()
                            .queryNames(new ObjectName("org.apache.camel:context=jmx-check,type=routes,*"), null))
                            .extracting(n -> n.getKeyProperty("name"))
                            .contains("\"health-live\"", "\"health-ready\"", "\"health-metrics\""));
            Set<ObjectName> processors = ManagementFactory.getPlatformMBeanServer()
                    .queryNames(new ObjectName("org.apache.camel:context=jmx-check,type=processors,*"), null);
            assertThat(processors).isNotEmpty();
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(args, 0, all, 1, args.length);
        return new SpringApplicationBuilder(HubApplication.class).run(all);
    }
}
