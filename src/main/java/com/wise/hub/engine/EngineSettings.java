package com.wise.hub.engine;

import com.wise.hub.config.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One engine as the hub uses it: its {@code hub.engines.<id>} entry merged with the defaults and
 * checked, or one made by an {@link EngineSource} (a Triton target). The engine id also names its route
 * ({@code engine-call-<id>}), its circuit breaker and its metric tag. The URL's scheme is the protocol:
 * {@code http}/{@code https} engines are called by the route template {@code engine-call}, {@code grpc}
 * engines (KServe v2 inference servers) by {@code grpc-engine-call}.
 *
 * @param id              the engine id, e.g. {@code stt-1}
 * @param url             base URL ({@code http(s)://host:port[/prefix]} or {@code grpc://host:port}), or null
 *                        when the engine is not configured
 * @param urlEnv          environment variable the URL comes from, or null
 * @param connectTimeout  longest wait for a TCP connection
 * @param responseTimeout longest wait for the answer (for gRPC engines: the deadline of each call)
 * @param maxInFlight     concurrent calls allowed from one replica
 * @param healthPath      path probed for readiness; null for gRPC engines, which have their own probe
 * @param breaker         circuit-breaker settings
 * @param apiKeyEnv       environment variable holding the engine's API key, sent as its bearer token; null
 *                        when the engine needs none. The key itself is never part of the settings (they are
 *                        logged and shown), {@link EngineRequests} reads it
 */
public record EngineSettings(
        String id,
        URI url,
        String urlEnv,
        Duration connectTimeout,
        Duration responseTimeout,
        int maxInFlight,
        String healthPath,
        BreakerSettings breaker,
        String apiKeyEnv) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** True when a URL was given; a request that needs only unconfigured engines gets 503. */
    public boolean configured() {
        return url != null;
    }

    /** True for a configured engine called over gRPC ({@code grpc://host:port}). */
    public boolean grpc() {
        return url != null && "grpc".equalsIgnoreCase(url.getScheme());
    }

    /** True for a configured engine called over HTTP(S). */
    public boolean http() {
        return configured() && !grpc();
    }

    /** Where an operator sets the URL: the environment variable if declared, else the property. */
    public String urlSource() {
        return urlEnv != null && !urlEnv.isBlank() ? urlEnv : "hub.engines." + id + ".url";
    }

    static EngineSettings resolve(String id, EngineProperties.Engine engine, EngineProperties.Defaults defaults) {
        String prefix = "hub.engines." + id;
        requireId(id);
        EngineProperties.Engine e = engine != null ? engine
                : new EngineProperties.Engine(null, null, null, null, null, null, null, null);
        Duration connect = e.connectTimeout() != null ? e.connectTimeout() : defaults.connectTimeout();
        Duration response = e.responseTimeout() != null ? e.responseTimeout() : defaults.responseTimeout();
        int maxInFlight = e.maxInFlight() != null ? e.maxInFlight() : defaults.maxInFlight();
        String healthPath = e.healthPath() != null ? e.healthPath() : defaults.healthPath();
        BreakerSettings breaker = defaults.breaker().with(e.breaker());
        requirePositive(prefix + ".connect-timeout", connect);
        requirePositive(prefix + ".response-timeout", response);
        requireAtLeast(prefix + ".max-in-flight", maxInFlight, 1);
        requirePath(prefix + ".health-path", healthPath);
        breaker.validate(prefix + ".breaker");
        URI url = parseUrl(prefix + ".url" + (e.urlEnv() != null ? " (" + e.urlEnv() + ")" : ""), e.url());
        String apiKeyEnv = e.apiKeyEnv() == null || e.apiKeyEnv().isBlank() ? null : e.apiKeyEnv().strip();
        if (apiKeyEnv != null && !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException(prefix + ".api-key-env names an environment variable, such as "
                    + "LLM_ENGINE_API_KEY; was '" + apiKeyEnv + "'");
        }
        return new EngineSettings(id, url, e.urlEnv(), connect, response, maxInFlight, healthPath,
                breaker, apiKeyEnv);
    }

    private static URI parseUrl(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String example = "; expected http://host:port or https://host:port, optionally with a path prefix";
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            // Not chained: the parser's message quotes the whole value, credentials included.
            throw new IllegalArgumentException(name + " is not a URL: '" + Redaction.url(value) + "'" + example);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an http(s) URL with a host, was '"
                    + Redaction.url(value) + "'" + example);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(name + " must not carry a query, fragment or credentials, was '"
                    + Redaction.url(uri.getRawQuery() != null || uri.getRawFragment() != null
                            ? value.replaceAll("[?#].*", "?...") : value) + "'" + example);
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** Checks an engine id before anything is bound under it. */
    static void requireId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("hub.engines." + id + ": engine ids are lower-case letters, digits and "
                    + "'-', was '" + id + "'");
        }
    }

    static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration such as 500ms or 2s, was " + value);
        }
    }

    static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
    }

    static void requirePath(String name, String value) {
        if (value == null || !value.startsWith("/")) {
            throw new IllegalArgumentException(name + " must be a path starting with '/', was '" + value + "'");
        }
    }
}
