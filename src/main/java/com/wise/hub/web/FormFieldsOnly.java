package com.wise.hub.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request's parameters as routes may see them: multipart form fields only, never the query
 * string's, and never a field named like a header the hub or Camel reads. Camel's HTTP binding turns
 * every parameter into a message header, so {@code ?X-API-Key=...}, {@code ?Authorization=...} or a
 * form field {@code X-Request-Id} would otherwise reach the routes as if they were headers (and query
 * strings land in proxy logs on the way). The hub's API takes no query parameters. Tomcat lists a
 * name's query values before its form values; those first values are dropped.
 */
final class FormFieldsOnly extends HttpServletRequestWrapper {

    /** Names a form field may not have (compared in lower case); any {@code camel*} name is refused too. */
    private static final java.util.Set<String> HEADER_NAMES = java.util.Set.of("authorization", "x-api-key",
            "x-request-id", "idempotency-key", "cache-control", "content-type", "content-length", "accept", "host",
            "cookie", "x-forwarded-for", "transfer-encoding");

    private static final String[] NONE = new String[0];

    private Map<String, Integer> queryCounts;

    FormFieldsOnly(HttpServletRequest request) {
        super(request);
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterValues(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /**
     * The form values of {@code name}; empty, never null, for a hidden name: Spring's multipart request
     * lists its form fields' names itself, and Camel's binding fails on a listed name without values.
     */
    @Override
    public String[] getParameterValues(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (HEADER_NAMES.contains(lower) || lower.startsWith("camel")) {
            return NONE;
        }
        String[] all = super.getParameterValues(name);
        int fromQuery = queryCounts().getOrDefault(name, 0);
        if (all == null || fromQuery == 0) {
            return all;
        }
        return all.length <= fromQuery ? NONE : Arrays.copyOfRange(all, fromQuery, all.length);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        List<String> names = Collections.list(super.getParameterNames()).stream()
                .filter(name -> {
                    String[] values = getParameterValues(name);
                    return values != null && values.length > 0;
                }).toList();
        return Collections.enumeration(names);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, String[]> map = new LinkedHashMap<>();
        for (String name : Collections.list(getParameterNames())) {
            map.put(name, getParameterValues(name));
        }
        return Collections.unmodifiableMap(map);
    }

    private Map<String, Integer> queryCounts() {
        if (queryCounts == null) {
            Map<String, Integer> counts = new HashMap<>();
            String query = getQueryString();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (!pair.isEmpty()) {
                        int eq = pair.indexOf('=');
                        counts.merge(decode(eq < 0 ? pair : pair.substring(0, eq)), 1, Integer::sum);
                    }
                }
            }
            queryCounts = counts;
        }
        return queryCounts;
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }
}
