package com.wise.hub.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An engine for concurrency tests: answers POSTs as programmed, and can hold every request until
 * the test releases it, so "N calls are in flight" is a fact the test controls rather than a race
 * against a delay (which WireMock's fixed delays would be). {@code GET /health} always answers 200.
 */
public final class FakeEngine implements AutoCloseable {

    /** One request as the engine received it. */
    public record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
    }

    private record Answer(int status, String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger arrivals = new AtomicInteger();
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public FakeEngine() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a fake engine", e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        reset();
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers every following POST with this status, content type and body. */
    public FakeEngine answer(int status, String contentType, byte[] body) {
        answer.set(new Answer(status, contentType, body));
        return this;
    }

    public FakeEngine answer(int status, String contentType, String body) {
        return answer(status, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Holds every POST (arrived or arriving) until {@link #release()}. */
    public FakeEngine hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    public void release() {
        gate.countDown();
    }

    /** POSTs that have arrived, held or answered. */
    public int arrivals() {
        return arrivals.get();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Releases held requests, forgets what was received, answers 200 {"text":"ok"} again. */
    public void reset() {
        release();
        received.clear();
        arrivals.set(0);
        answer("application/json", 200);
    }

    private void answer(String contentType, int status) {
        answer(status, contentType, "{\"text\":\"ok\"}");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            arrivals.incrementAndGet();
            CountDownLatch current = gate;
            if (!current.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            Answer reply = answer.get();
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
