package com.wise.hub.routes;

import com.wise.hub.request.RequestContext;
import static org.assertj.core.api.Assertions.assertThat;

import com.wise.hub.cache.CanonicalRequest;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * The cache steps of routes/shared/pipeline.yaml (direct:<capability>-answer) around a counting capability, as
 * a capability route uses them. Each capability's own test drives the same steps over HTTP.
 */
class CacheRoutesTest extends FakeCapabilityOnRedisTest {

    @Test
    void aMissIsStoredAndTheSameRequestIsThenAHit() {
        Exchange miss = send("hello", null, null);
        Exchange hit = send("hello", null, null);

        assertThat(miss.getMessage().getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(hit.getMessage().getHeader("X-Cache")).isEqualTo("HIT");
        assertThat(hit.getMessage().getBody(String.class)).isEqualTo("answer 1");
        assertThat(hit.getMessage().getHeader("X-Engine")).isEqualTo("fake-1");
        assertThat(FakeCapability.calls).hasValue(1);
    }

    @Test
    void aFailedEngineCallReleasesTheFlightAndIsNotCached() {
        Exchange failed = send("hello", null, "502");

        assertThat(failed.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(502);
        assertThat(failed.getMessage().getHeader("X-Cache")).isEqualTo("MISS");
        String flight = "hub:cache:translate:{" + failed.getProperty(RequestContext.REQUEST_HASH) + "}:flight";
        assertThat(admin.getLock(flight).isLocked()).isFalse();
        assertThat(admin.getKeys().countExists("hub:cache:translate:{" + failed.getProperty(RequestContext.REQUEST_HASH) + "}"))
                .isZero();

        assertThat(send("hello", null, null).getMessage().getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(FakeCapability.calls).hasValue(2);
    }

    @Test
    void theRequestCacheControlIsHonouredAndNotEchoed() {
        send("hello", null, null);
        Exchange noCache = send("hello", "no-cache", null);
        Exchange noStore = send("hello", "no-store", null);

        assertThat(noCache.getMessage().getHeader("X-Cache")).isEqualTo("MISS");
        assertThat(noStore.getMessage().getHeader("X-Cache")).isEqualTo("BYPASS");
        assertThat(noCache.getMessage().getHeader("Cache-Control")).isNull();
        assertThat(send("hello", null, null).getMessage().getBody(String.class)).isEqualTo("answer 2");
        assertThat(FakeCapability.calls).hasValue(3);
    }

    @Test
    void aRouteThatForgetsToNameItsRequestGetsA500Problem() {
        Exchange unnamed = template.send("direct:fake-answer", exchange -> exchange.getMessage().setBody("{}"));

        assertThat(unnamed.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(500);
        assertThat(unnamed.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(FakeCapability.calls).hasValue(0);
    }

    private Exchange send(String text, String cacheControl, String fail) {
        return template.send("direct:fake-answer", exchange -> {
            CanonicalRequest.describe(exchange, Map.of("text", text));
            if (cacheControl != null) {
                exchange.getMessage().setHeader("Cache-Control", cacheControl);
            }
            if (fail != null) {
                exchange.getMessage().setHeader("X-Fake-Fail", fail);
            }
        });
    }
}
