package com.wise.hub.engine;

import com.wise.hub.engine.EventStreamObserver.StreamOutcome;
import com.wise.hub.request.RequestContext;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.processor.ThrottlerRejectedExecutionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Opens an engine call whose answer is a stream of Server-Sent Events (an OpenAI-compatible chat completion with
 * {@code stream: true}), inside the engine's guards in routes/shared/engine-call.yaml. The call counts as
 * answered once the engine's first data event has arrived: until then every failure (refused, 5xx, 429, no event
 * within the first-event timeout) is thrown, so the breaker counts it and engine-failover tries the next engine;
 * after it the body is an {@link EngineEventStream} that relays the rest.
 *
 * <p>camel-http was measured short here: it hands the route an answer only once it has read it whole (or spools
 * it), so a stream would reach the client at its end. The JDK's HttpClient gives the body as it arrives. For the
 * same reason Camel's Throttle cannot count a stream: its permit returns when the engine-call route ends, at the
 * first event. So an open stream holds a permit of its own, up to the engine's {@code max-in-flight} streams per
 * replica; over it the call is rejected as {@code saturated} like the Throttle's.
 */
@Component("engineStreams")
public class EngineStreams implements DisposableBean {

    /** Engine 4xx answers that blame the request: kept as the answer, so engine-failover ends the chain with them. */
    private static final java.util.Set<Integer> REJECTIONS = java.util.Set.of(400, 413, 415, 422);
    private static final int ERROR_BODY_BYTES = 64 * 1024;

    private final EngineCatalog catalog;
    private final CircuitBreakerRegistry breakers;
    private final SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("engine-stream-");
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final StreamTicker ticker = new StreamTicker();

    EngineStreams(EngineCatalog catalog, CircuitBreakerRegistry breakers) {
        this.catalog = catalog;
        this.breakers = breakers;
        threads.setDaemon(true);
        // A stream's reader waits on its engine for minutes: a virtual thread each where the JDK has them.
        threads.setVirtualThreads(Runtime.version().feature() >= 21);
    }

    @Override
    public void destroy() {
        ticker.stop();
    }

    /** Open streams of {@code engineId} on this replica. */
    public int open(String engineId) {
        Semaphore permit = permits.get(engineId);
        return permit == null ? 0 : catalog.get(engineId).maxInFlight() - permit.availablePermits();
    }

    /**
     * Calls {@code engineId} with the message body (its Content-Type and Authorization headers) at
     * {@value RequestContext#ENGINE_PATH} and waits for the first event; the body becomes the stream.
     *
     * @throws IOException              refused, reset, timed out (as {@link SocketTimeoutException}) or cut
     * @throws HttpOperationFailedException a status other than 2xx and the rejections above
     * @throws EngineAnswerRejected     a 2xx that is no event stream, or ends before its first event
     */
    public void open(String engineId, Exchange exchange) throws IOException, HttpOperationFailedException {
        EventStreamOptions options = exchange.getProperty(RequestContext.EVENT_STREAM, EventStreamOptions.class);
        EngineSettings engine = catalog.get(engineId);
        Semaphore permit = permits.computeIfAbsent(engineId, id -> new Semaphore(engine.maxInFlight()));
        if (!permit.tryAcquire()) {
            throw new ThrottlerRejectedExecutionException(engineId + " has " + engine.maxInFlight() + " streams open");
        }
        boolean handedOn = false;
        try {
            Message message = exchange.getMessage();
            long attemptMillis = exchange.getProperty(RequestContext.ATTEMPT_TIMEOUT, engine.responseTimeout().toMillis(),
                    Long.class);
            long attemptEnd = System.nanoTime() + Duration.ofMillis(attemptMillis).toNanos();
            URI uri = URI.create(engine.url() + exchange.getProperty(RequestContext.ENGINE_PATH, String.class));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofMillis(attemptMillis))
                    .header("Content-Type", message.getHeader(Exchange.CONTENT_TYPE, "application/json", String.class))
                    .header("Accept", "text/event-stream")
                    .header("User-Agent", "wise-ai-hub")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(message.getBody(byte[].class)));
            String authorization = message.getHeader("Authorization", String.class);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            String requestId = message.getHeader("X-Request-Id", String.class);
            if (requestId != null) {
                request.header("X-Request-Id", requestId);
            }
            HttpResponse<InputStream> response = send(engine, request.build());
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                String body = readSome(response.body());
                if (REJECTIONS.contains(status)) {
                    message.setBody(body.getBytes(StandardCharsets.UTF_8));
                    message.setHeader(Exchange.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse("text/plain"));
                    message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
                    return;
                }
                throw new HttpOperationFailedException(uri.toString(), status, "HTTP " + status,
                        response.headers().firstValue("Location").orElse(null), Map.of(), body);
            }
            String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (!type.startsWith("text/event-stream")) {
                response.body().close();
                throw new EngineAnswerRejected(engineId, "with " + (type.isEmpty() ? "no Content-Type" : type.split(";")[0])
                        + " instead of an event stream");
            }
            long opened = System.nanoTime();
            EngineEventStream stream = new EngineEventStream(engineId, response.body(), options, how -> {
                permit.release();
                if (how == StreamOutcome.ENGINE_CUT || how == StreamOutcome.STALLED) {
                    brokeAfterAnswering(engineId, how, opened);
                }
            }, threads, ticker);
            handedOn = true;
            Duration firstWait = Duration.ofNanos(Math.max(0, Math.min(options.firstEventTimeout().toNanos(),
                    attemptEnd - System.nanoTime())));
            if (!stream.awaitFirst(firstWait)) {
                throw new SocketTimeoutException(engineId + " sent no event within " + firstWait.toMillis() + " ms");
            }
            message.setBody(stream);
            message.setHeader(Exchange.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        } finally {
            if (!handedOn) {
                permit.release();
            }
        }
    }

    /**
     * The engine call counted as a success at its first event; an answer the engine then cut or let stall is a
     * failure too: it is recorded on the engine's breaker as one more failed call, so an engine that breaks its
     * streams opens its breaker like one that refuses them.
     */
    private void brokeAfterAnswering(String engineId, StreamOutcome how, long opened) {
        breakers.find(engineId).ifPresent(breaker -> breaker.onError(System.nanoTime() - opened, TimeUnit.NANOSECONDS,
                new EngineAnswerRejected(engineId, "with a stream that broke after its first event (" + how.label() + ")")));
    }

    private HttpResponse<InputStream> send(EngineSettings engine, HttpRequest request) throws IOException {
        try {
            return clients.computeIfAbsent(engine.id(), id -> HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(engine.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(threads)
                    .build()).send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            // HttpClient's timeouts are plain IOExceptions; as SocketTimeoutException they classify as timeout
            SocketTimeoutException timeout = new SocketTimeoutException(engine.id() + ": " + e.getMessage());
            timeout.initCause(e);
            throw timeout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while calling " + engine.id());
        }
    }

    private static String readSome(InputStream body) throws IOException {
        try (body) {
            return new String(body.readNBytes(ERROR_BODY_BYTES), StandardCharsets.UTF_8);
        }
    }
}
