package com.wise.hub.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.wise.hub.support.HubHttpTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Metrics: every label value comes from a bounded set, so no client can grow {@code /metrics}:
 * invented methods are {@code OTHER}, unknown paths {@code UNMATCHED}.
 */
class MetricCardinalityTest extends HubHttpTest {

    @Test
    void threeHundredInventedMethodsAndPathsAddNoSeries() throws Exception {
        send("M0", "/nope-0");
        seriesLines();
        int before = seriesLines();

        for (int i = 1; i <= 300; i++) {
            HttpResponse<String> response = send("M" + i, "/nope-" + i);
            assertThat(response.statusCode()).isEqualTo(404);
        }

        assertThat(seriesLines()).isEqualTo(before);
        assertThat(get("/metrics").body())
                .contains("method=\"OTHER\"")
                .doesNotContain("method=\"M1\"").doesNotContain("nope-");
    }

    @Test
    void inventedMethodsOnARealEndpointAreOtherToo() throws Exception {
        HttpResponse<String> response = send("BREW", "/v1/translate");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(get("/metrics").body()).containsPattern(
                "hub_http_requests_seconds_count\\{[^}]*endpoint=\"[^\"]*\",method=\"OTHER\",status=\"405\"}")
                .doesNotContain("BREW");
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return HTTP.send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Lines of hub_http_requests_seconds (every bucket of every series). */
    private int seriesLines() throws Exception {
        return (int) get("/metrics").body().lines().filter(l -> l.startsWith("hub_http_requests_seconds")).count();
    }
}
