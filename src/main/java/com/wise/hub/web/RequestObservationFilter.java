package com.wise.hub.web;

import com.wise.hub.config.HubTempDirectory;
import com.wise.hub.metrics.HubMetricNames;
import com.wise.hub.problem.ProblemException;
import com.wise.hub.problem.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The hub's front door. Gives every request its {@code X-Request-Id} (seen by routes, engines, logs
 * and the client), sheds load past {@code hub.max-in-flight}, refuses a declared body over the limit,
 * and hands the routes a request whose body is bounded while it is read ({@link BoundedBody}), whose
 * query string never turns into headers ({@link FormFieldsOnly}) and whose uploads go to a
 * directory of its own ({@link RequestScratchDirectory}). Once the request is finished it deletes
 * that directory and records the {@code hub_http_requests_seconds} histogram by method, endpoint
 * template and status (all three from bounded sets) and one JSON log line.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestObservationFilter extends OncePerRequestFilter {

    private static final Logger accessLog = LoggerFactory.getLogger("hub.access");
    private static final Logger log = LoggerFactory.getLogger(RequestObservationFilter.class);
    /** Methods recorded by name; any other (clients may invent them) is recorded as {@value #OTHER_METHOD}. */
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS",
            "PATCH", "TRACE");
    static final String OTHER_METHOD = "OTHER";

    private final MeterRegistry meters;
    private final long maxRequestBytes;
    private final ProblemWriter problems;
    private final long maxJsonBytes;
    private final InFlightRequests inFlight;
    private final HubTempDirectory temp;

    RequestObservationFilter(MeterRegistry meters, WebProperties web, JsonLimits json, ProblemWriter problems,
            InFlightRequests inFlight, HubTempDirectory temp) {
        this.meters = meters;
        this.maxRequestBytes = web.maxRequestSize().toBytes();
        this.maxJsonBytes = json.maxBodySize().toBytes();
        this.problems = problems;
        this.inFlight = inFlight;
        this.temp = temp;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        long start = System.nanoTime();
        response.setHeader(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        RequestScratchDirectory scratch = new RequestScratchDirectory(request, temp.newRequestDirectory());
        HttpServletRequest routed = new RequestWithId(new FormFieldsOnly(bounded(scratch)), requestId);
        // Operations endpoints answer even when the replica is full, so probes and scrapes see it.
        boolean takesPlace = !isOperations(request.getRequestURI());
        boolean admitted = !takesPlace || inFlight.tryEnter();
        try {
            if (!admitted) {
                problems.write(response, new ProblemException(503, "saturated", "Hub saturated",
                        "This hub replica is serving " + inFlight.capacity() + " requests already (hub.max-in-flight); "
                                + "retry shortly.").retryAfter(java.time.Duration.ofSeconds(1)), requestId);
            } else if (request.getContentLengthLong() > limitOf(request)) {
                problems.write(response, ProblemException.payloadTooLarge("The request body is "
                        + request.getContentLengthLong() + " bytes; this endpoint accepts at most " + limitOf(request)
                        + " bytes (" + limitProperty(request) + ")."), requestId);
            } else {
                chain.doFilter(routed, new DocumentedHeadersOnly(response));
            }
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
            boolean holdsPlace = takesPlace && admitted;
            Runnable finished = () -> {
                if (holdsPlace) {
                    inFlight.exit();
                }
                deleteUploads(scratch);
                record(request, response, requestId, start);
            };
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(finished));
            } else {
                finished.run();
            }
        }
    }

    /** Uploads are bounded by hub.max-request-size (Tomcat reads them); every other body is JSON. */
    private HttpServletRequest bounded(HttpServletRequest request) {
        return new BoundedBody(request, limitOf(request), limitProperty(request));
    }

    private long limitOf(HttpServletRequest request) {
        return isUpload(request) ? maxRequestBytes : maxJsonBytes;
    }

    private static String limitProperty(HttpServletRequest request) {
        return isUpload(request) ? "hub.max-request-size" : "hub.json.max-body-size";
    }

    private static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static void deleteUploads(RequestScratchDirectory scratch) {
        try {
            scratch.delete();
        } catch (IOException e) {
            log.warn("Cannot delete a request's uploads: {}", e.toString());
        }
    }

    /** The method as a metric tag: one of {@link #KNOWN_METHODS}, else {@value #OTHER_METHOD}. */
    static String methodTag(String method) {
        return KNOWN_METHODS.contains(method) ? method : OTHER_METHOD;
    }

    private static boolean isOperations(String path) {
        return path.equals("/health") || path.startsWith("/health/") || path.equals("/metrics")
                || path.equals("/openapi.json");
    }

    private void record(HttpServletRequest request, HttpServletResponse response, String requestId, long start) {
        long nanos = System.nanoTime() - start;
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String endpoint = pattern != null ? pattern.toString() : "UNMATCHED";
        String status = Integer.toString(response.getStatus());
        Timer.builder(HubMetricNames.HTTP_REQUESTS)
                .description("HTTP requests served by the hub, by method, endpoint template and status")
                .tag("method", methodTag(request.getMethod())).tag("endpoint", endpoint).tag("status", status)
                .publishPercentileHistogram()
                .register(meters).record(nanos, TimeUnit.NANOSECONDS);
        String engine = response.getHeader("X-Engine");
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            accessLog.atInfo()
                    .addKeyValue("http.method", request.getMethod())
                    .addKeyValue("url.path", request.getRequestURI())
                    .addKeyValue("http.status", response.getStatus())
                    .addKeyValue("duration_ms", nanos / 1_000_000.0)
                    .addKeyValue("engine", engine == null ? "" : engine)
                    .addKeyValue("attempts", headerOrEmpty(response, "X-Engine-Attempts"))
                    .log("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), status, nanos / 1_000_000);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private static String headerOrEmpty(HttpServletResponse response, String name) {
        String value = response.getHeader(name);
        return value == null ? "" : value;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    /** Runs the request's bookkeeping once an asynchronous (platform-http) response completes. */
    private static final class Completion implements AsyncListener {
        private final Runnable finished;

        Completion(Runnable finished) {
            this.finished = finished;
        }

        /** Called exactly once, also after a timeout or an error. */
        @Override
        public void onComplete(AsyncEvent event) {
            finished.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
