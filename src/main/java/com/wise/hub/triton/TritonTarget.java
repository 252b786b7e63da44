package com.wise.hub.triton;

import java.util.ArrayList;
import java.util.List;

/**
 * One Triton server the hub may call.
 *
 * @param id   {@code triton-1}, {@code triton-2}, ... by position in {@code INFERENCE_GPU_URL}: the
 *             breaker name, the metric tag and the name in {@code /health/ready}
 * @param host host name or address
 * @param port gRPC port (Triton's default is 8001)
 */
public record TritonTarget(String id, String host, int port) {

    /** {@code host:port}, as the camel-grpc endpoint wants it. */
    public String address() {
        return host + ":" + port;
    }

    /**
     * Parses {@code host:port} entries; an optional {@code grpc://} or {@code http://} prefix and a
     * trailing slash are ignored.
     *
     * @throws IllegalArgumentException naming the entry when it has no host or no valid port
     */
    static List<TritonTarget> parse(List<String> entries) {
        List<TritonTarget> targets = new ArrayList<>();
        for (String entry : entries) {
            String address = entry.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceFirst("/+$", "");
            int colon = address.lastIndexOf(':');
            if (colon <= 0 || address.contains("/")) {
                throw invalid(entry);
            }
            int port;
            try {
                port = Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw invalid(entry);
            }
            if (port < 1 || port > 65535) {
                throw invalid(entry);
            }
            targets.add(new TritonTarget("triton-" + (targets.size() + 1), address.substring(0, colon), port));
        }
        return targets;
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException("INFERENCE_GPU_URL must list host:port entries separated by commas "
                + "(e.g. triton:8001,triton-2:8001); '" + entry + "' is not one");
    }
}
