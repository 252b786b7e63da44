package com.wise.hub.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** The request as routes see it: {@code X-Request-Id} replaced by the accepted or generated id. */
final class RequestWithId extends HttpServletRequestWrapper {
    private final String requestId;

    RequestWithId(HttpServletRequest request, String requestId) {
        super(request);
        this.requestId = requestId;
    }

    @Override
    public String getHeader(String name) {
        return RequestIds.HEADER.equalsIgnoreCase(name) ? requestId : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return RequestIds.HEADER.equalsIgnoreCase(name)
                ? Collections.enumeration(List.of(requestId)) : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = Collections.list(super.getHeaderNames());
        if (names.stream().noneMatch(RequestIds.HEADER::equalsIgnoreCase)) {
            names.add(RequestIds.HEADER);
        }
        return Collections.enumeration(names);
    }
}
