package com.wise.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An OpenAI-compatible chat engine for tests, with scripted answers and chunk timing: a JSON completion with
 * usage, an error status, or a stream of content chunks a fixed gap apart that ends with {@code [DONE]} (and the
 * usage chunk when the request asked for it), is cut (the connection closed without {@code [DONE]}), stalls (only
 * comments from then on) or never sends an event. It records each request and whether the hub closed a stream
 * before its end, and when.
 */
public final class FakeLlm implements AutoCloseable {

    /** How a stream ends after its chunks. */
    /** DONE_THEN_LINGER: [DONE], and the answer's end (the last chunk) only 300 ms later, as some servers do. */
    public enum End { DONE, DONE_THEN_LINGER, CUT, STALL }

    /** One scripted answer. */
    public record Script(int status, List<String> chunks, Duration gap, End end, boolean quiet) {

        /** A JSON completion (stream: false) or a stream of the words of {@code content}, then [DONE]. */
        public static Script answer(String... words) {
            return new Script(200, List.of(words), Duration.ZERO, End.DONE, false);
        }

        public static Script stream(int chunks, Duration gap, End end) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < chunks; i++) {
                words.add("w" + i + " ");
            }
            return new Script(200, words, gap, end, false);
        }

        public static Script status(int status) {
            return new Script(status, List.of(), Duration.ZERO, End.DONE, false);
        }

        /** Headers of an event stream, then comments only, never an event. */
        public static Script silent() {
            return new Script(200, List.of(), Duration.ZERO, End.STALL, true);
        }
    }

    /** One request as the engine received it. */
    public record Received(Map<String, List<String>> headers, JsonNode body, int clientPort) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Script> next = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Script> standing = new AtomicReference<>();
    private final AtomicInteger closedEarly = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private volatile long lastClosedAt;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final List<String> probes = new CopyOnWriteArrayList<>();
    private volatile String acceptedKey;
    private final String name;

    public FakeLlm(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 500);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a fake LLM", e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        reset();
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every following request gets this answer (unless one is queued by {@link #then}). */
    public FakeLlm always(Script script) {
        standing.set(script);
        return this;
    }

    /** The next request gets this answer; queued scripts are used in order, before the standing one. */
    public FakeLlm then(Script script) {
        next.add(script);
        return this;
    }

    /** Holds every request until {@link #release()} before answering it. */
    public FakeLlm hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    public void release() {
        gate.countDown();
    }

    /** From now on a GET (a readiness probe) without {@code Bearer key} gets 401, as OpenAI's /v1/models does. */
    public FakeLlm acceptOnly(String key) {
        acceptedKey = key;
        return this;
    }

    /** The Authorization header of each GET so far ("null" for none). */
    public List<String> probes() {
        return List.copyOf(probes);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Streams the hub closed before their end (the engine's write failed). */
    public int closedEarly() {
        return closedEarly.get();
    }

    /** When the last stream closed early was seen closed, {@link System#nanoTime()}. */
    public long lastClosedAt() {
        return lastClosedAt;
    }

    /** Streams being written now. */
    public int open() {
        return open.get();
    }

    public void reset() {
        release();
        next.clear();
        received.clear();
        closedEarly.set(0);
        acceptedKey = null;
        standing.set(Script.answer("Hello", " there", "!"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                probes.add(String.valueOf(authorization));
                String key = acceptedKey;
                exchange.sendResponseHeaders(key == null || ("Bearer " + key).equals(authorization) ? 200 : 401, -1);
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, exchange.getRemoteAddress().getPort()));
            if (!gate.await(30, TimeUnit.SECONDS)) {
                return;
            }
            Script script = next.poll();
            if (script == null) {
                script = standing.get();
            }
            String model = body.path("model").asText();
            if (script.status() != 200) {
                error(exchange, script.status());
            } else if (body.path("stream").asBoolean()) {
                stream(exchange, script, model, body.path("stream_options").path("include_usage").asBoolean());
            } else {
                json(exchange, script, model, body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void error(HttpExchange exchange, int status) throws IOException {
        byte[] bytes = ("{\"error\":{\"message\":\"scripted " + status + "\",\"type\":\"server_error\"}}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void json(HttpExchange exchange, Script script, String model, JsonNode request) throws IOException {
        String content = String.join("", script.chunks());
        String answer = "{\"id\":\"chatcmpl-" + name + "\",\"object\":\"chat.completion\",\"created\":1,\"model\":\""
                + model + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + JSON.writeValueAsString(content) + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":"
                + promptTokens(request) + ",\"completion_tokens\":" + script.chunks().size() + ",\"total_tokens\":"
                + (promptTokens(request) + script.chunks().size()) + "}}";
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The prompt's tokens as this engine counts them: one per message word. */
    public static int promptTokens(JsonNode request) {
        int words = 0;
        for (JsonNode message : request.path("messages")) {
            words += message.path("content").asText().split("\\s+").length;
        }
        return words;
    }

    private void stream(HttpExchange exchange, Script script, String model, boolean usage) throws IOException,
            InterruptedException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        open.incrementAndGet();
        try {
            write(out, ": engine comment\n\n");
            if (script.quiet()) {
                stall(out);
                return;
            }
            for (int i = 0; i < script.chunks().size(); i++) {
                if (i > 0 && !script.gap().isZero()) {
                    Thread.sleep(script.gap().toMillis());
                }
                write(out, "data: {\"id\":\"chatcmpl-" + name + "\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                        + "\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                        + JSON.writeValueAsString(script.chunks().get(i)) + "},\"finish_reason\":null}]"
                        + (usage ? ",\"usage\":null" : "") + "}\n\n");
            }
            switch (script.end()) {
                case CUT -> {
                    return;
                }
                case STALL -> {
                    stall(out);
                    return;
                }
                case DONE, DONE_THEN_LINGER -> {
                    write(out, "data: {\"id\":\"chatcmpl-" + name + "\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                            + "\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
                    if (usage) {
                        write(out, "data: {\"id\":\"chatcmpl-" + name + "\",\"object\":\"chat.completion.chunk\","
                                + "\"created\":1,\"model\":\"" + model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":7,"
                                + "\"completion_tokens\":" + script.chunks().size() + ",\"total_tokens\":"
                                + (7 + script.chunks().size()) + "}}\n\n");
                    }
                    write(out, "data: [DONE]\n\n");
                    if (script.end() == End.DONE_THEN_LINGER) {
                        Thread.sleep(300);
                    }
                }
            }
        } catch (IOException e) {
            closedEarly.incrementAndGet();
            lastClosedAt = System.nanoTime();
        } finally {
            open.decrementAndGet();
        }
    }

    /** Comments only (no progress) until the hub closes the connection, at most 60 s. */
    private static void stall(OutputStream out) throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(50);
            write(out, ": still thinking\n\n");
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
