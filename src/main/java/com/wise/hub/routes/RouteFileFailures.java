package com.wise.hub.routes;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Route files whose last reload failed, and why, until a reload of the same file succeeds (or it is
 * deleted). {@code /health/ready} shows them; the previous routes of such a file keep serving.
 */
@Component
public class RouteFileFailures {

    /** Why one file did not load. */
    public record Failure(String reason, Instant at) {
    }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    void failed(String file, String reason, Instant at) {
        failures.put(file, new Failure(reason, at));
    }

    void loaded(String file) {
        failures.remove(file);
    }

    /** The failing files by name, in name order. */
    public Map<String, Failure> current() {
        return new TreeMap<>(failures);
    }
}
