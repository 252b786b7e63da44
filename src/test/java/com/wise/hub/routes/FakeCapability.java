package com.wise.hub.routes;

import com.wise.hub.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A capability for testing the shared cache and idempotency routes without an engine:
 * {@code direct:fake-capability} counts its calls, can be held on a gate, fails with the status in
 * the {@code X-Fake-Fail} header, and answers {@code answer <n>}. {@code direct:fake-cached} wraps
 * it in the cache steps exactly as a capability route does.
 */
@TestConfiguration
public class FakeCapability {

    public static final AtomicInteger calls = new AtomicInteger();
    public static volatile CountDownLatch gate;

    @Bean
    RouteBuilder fakeCapabilityRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:fake-capability").routeId("fake-capability").routeConfigurationId("hub-errors")
                        .process(FakeCapability::answer);
                from("direct:fake-cached").routeId("fake-cached").routeConfigurationId("hub-errors")
                        .to("direct:cache-lookup")
                        .filter(simple("${exchangeProperty.hubCacheHit} != true"))
                            .to("direct:fake-capability")
                            .to("direct:cache-store")
                        .end();
            }
        };
    }

    public static void reset() {
        calls.set(0);
        gate = null;
    }

    private static void answer(Exchange exchange) throws InterruptedException {
        int call = calls.incrementAndGet();
        CountDownLatch held = gate;
        if (held != null && !held.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never opened the gate");
        }
        String fail = exchange.getMessage().getHeader("X-Fake-Fail", String.class);
        if (fail != null) {
            throw new ProblemException(Integer.parseInt(fail), "engine-failed", "Engine failed", "the fake engine failed");
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain");
        exchange.getMessage().setHeader("X-Engine", "fake-1");
        exchange.getMessage().setBody(("answer " + call).getBytes(StandardCharsets.UTF_8));
    }
}
