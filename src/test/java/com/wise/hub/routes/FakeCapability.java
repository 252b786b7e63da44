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
 * A capability for testing the one request pipeline (routes/shared/pipeline.yaml) without an
 * engine, declared as a capability file declares one (its tests declare {@code hub.capabilities.fake}
 * with a {@code cache-ttl}): {@code direct:fake} is the template
 * {@code capability} (the test names the request and admits it itself: body {@code own}, bean
 * {@code fakeRequest}), {@code direct:fake-answer} the template {@code capability-answer}, and
 * {@code direct:fake-engine} counts its calls, can be held on a gate, fails with the status in the
 * {@code X-Fake-Fail} header, and answers {@code answer <n>}.
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
                templatedRoute("capability").routeId("fake").parameter("capability", "fake")
                        .parameter("body", "own").parameter("request", "fakeRequest");
                templatedRoute("capability-answer").routeId("fake-answer").parameter("capability", "fake");
                from("direct:fake-engine").routeId("fake-engine").routeConfigurationId("hub-errors")
                        .process(FakeCapability::answer);
            }
        };
    }

    /** The request bean: the test has named the request already (CanonicalRequest.describe). */
    @Bean
    FakeRequest fakeRequest() {
        return new FakeRequest();
    }

    public static final class FakeRequest {
        public void read(Exchange exchange) {
            // named by the test
        }
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
