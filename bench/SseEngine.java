import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * A fake OpenAI-compatible chat engine that streams, for the benchmarks only (never used by the hub in
 * production). POST /v1/chat/completions with {@code "stream": true} answers {@code text/event-stream}: N chunks on
 * a fixed schedule (the first at once, then one every interval, measured from the request's arrival so a late write
 * does not push the later ones back), each flushed on its own and stamped {@code "sent"} with the epoch microseconds
 * at which it was written (the load generator on the same machine subtracts it from its receipt time); then, if
 * the request asked for it ({@code stream_options.include_usage}), a usage chunk, and {@code data: [DONE]}.
 * Without {@code "stream": true} it answers one JSON completion. Any GET (the hub probes /health) answers 200;
 * GET /__count and POST /__reset count the completions served.
 *
 * <pre>java bench/SseEngine.java --port 8100 [--events 50] [--interval-ms 20] [--writers 2]</pre>
 * Each exchange runs on a virtual thread (JDK 21+), so a thousand open streams cost little; the events themselves
 * are written by {@code --writers} platform threads, each serving its share of the streams in due order.
 */
public class SseEngine {

    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");
    private static final Pattern INCLUDE_USAGE = Pattern.compile("\"include_usage\"\\s*:\\s*true");

    public static void main(String[] args) throws IOException {
        // The JDK server closes keep-alive connections beyond 200 idle ones by default (see FakeEngine), and
        // without TCP_NODELAY each small event would wait for the previous one's ACK (Nagle).
        System.setProperty("sun.net.httpserver.maxIdleConnections", "20000");
        System.setProperty("sun.net.httpserver.idleInterval", "120");
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = intArg(args, "--port", 8100);
        int events = intArg(args, "--events", 50);
        long intervalNanos = intArg(args, "--interval-ms", 20) * 1_000_000L;
        AtomicLong served = new AtomicLong();
        WRITERS = new Writer[intArg(args, "--writers", 2)];
        for (int i = 0; i < WRITERS.length; i++) {
            WRITERS[i] = new Writer(i);
            WRITERS[i].start();
        }

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 8192);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                long arrived = System.nanoTime();
                String path = exchange.getRequestURI().getPath();
                String method = exchange.getRequestMethod();
                if (path.equals("/__count")) {
                    reply(exchange, 200, "text/plain", Long.toString(served.get()));
                } else if (path.equals("/__reset")) {
                    served.set(0);
                    reply(exchange, 200, "text/plain", "0");
                } else if (method.equals("GET") && path.endsWith("/models")) {
                    reply(exchange, 200, "application/json",
                            "{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"object\":\"model\",\"created\":1,\"owned_by\":\"bench\"}]}");
                } else if (method.equals("GET")) {
                    reply(exchange, 200, "application/json", "{\"status\":\"ok\"}");
                } else if (!path.endsWith("/chat/completions")) {
                    reply(exchange, 404, "application/json", "{\"error\":{\"message\":\"no such path (benchmark)\"}}");
                } else {
                    String body = new String(readAll(exchange.getRequestBody()), StandardCharsets.UTF_8);
                    served.incrementAndGet();
                    if (STREAM.matcher(body).find()) {
                        stream(exchange, arrived, events, intervalNanos, INCLUDE_USAGE.matcher(body).find());
                    } else {
                        reply(exchange, 200, "application/json", "{\"id\":\"b\",\"object\":\"chat.completion\",\"created\":1,"
                                + "\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                                + "t ".repeat(events) + "\"},\"finish_reason\":\"stop\"}],"
                                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":" + events + ",\"total_tokens\":"
                                + (events + 1) + "}}");
                    }
                }
            } catch (IOException e) {
                // the client went away mid-stream: nothing to answer
            }
        });
        server.start();
        System.out.println("sse engine on 127.0.0.1:" + port + " events=" + events + " interval="
                + intervalNanos / 1_000_000 + "ms");
    }

    /**
     * Hands the open stream to a writer and waits (a parked virtual thread costs nothing) until it is written.
     * Writers are a few platform threads, each writing the events that are due across all its streams: a timed park
     * per event and stream (50,000 a second for 1,000 streams) cost more CPU than the writes themselves.
     */
    private static void stream(HttpExchange exchange, long arrived, int events, long intervalNanos, boolean usage)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0); // chunked: each flush sends what was written
        Stream stream = new Stream(exchange.getResponseBody(), arrived, events, intervalNanos, usage);
        WRITERS[(int) (WRITER_TURN.getAndIncrement() % WRITERS.length)].add(stream);
        try {
            stream.finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final AtomicLong WRITER_TURN = new AtomicLong();
    private static Writer[] WRITERS;

    /** One answer being streamed: the next event's index and when it is due. */
    private static final class Stream {
        final OutputStream out;
        final long arrived;
        final int events;
        final long interval;
        final boolean usage;
        final CountDownLatch finished = new CountDownLatch(1);
        int next;
        long due;

        Stream(OutputStream out, long arrived, int events, long interval, boolean usage) {
            this.out = out;
            this.arrived = arrived;
            this.events = events;
            this.interval = interval;
            this.usage = usage;
            this.due = arrived;
        }

        /** Writes event {@code next} (stamped as it is written); false once the stream is over. */
        boolean writeNext() throws IOException {
            Instant now = Instant.now();
            long sent = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
            out.write(("data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"t" + next + " \"},\"finish_reason\":null}],"
                    + "\"sent\":" + sent + "}\n\n").getBytes(StandardCharsets.UTF_8));
            if (++next == events) {
                if (usage) {
                    out.write(("data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                            + "\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":" + events
                            + ",\"total_tokens\":" + (events + 1) + "}}\n\n").getBytes(StandardCharsets.UTF_8));
                }
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                out.close();
                return false;
            }
            out.flush();
            // On a fixed schedule from the request's arrival: a late write does not push the later ones back.
            due = arrived + next * interval;
            return true;
        }
    }

    /** A platform thread writing the due events of its streams, earliest first. */
    private static final class Writer extends Thread {
        private final ConcurrentLinkedQueue<Stream> added = new ConcurrentLinkedQueue<>();
        private final PriorityQueue<Stream> streams = new PriorityQueue<>(Comparator.comparingLong(s -> s.due));

        Writer(int i) {
            super("sse-writer-" + i);
            setDaemon(true);
        }

        void add(Stream stream) {
            added.add(stream);
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            while (true) {
                for (Stream s = added.poll(); s != null; s = added.poll()) {
                    streams.add(s);
                }
                Stream head = streams.peek();
                long wait = head == null ? 1_000_000 : head.due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(Math.min(wait, 1_000_000));
                    continue;
                }
                streams.poll();
                boolean more;
                try {
                    more = head.writeNext();
                } catch (IOException e) {
                    more = false; // the client went away
                }
                if (more) {
                    streams.add(head);
                } else {
                    head.finished.countDown();
                }
            }
        }
    }

    private static byte[] readAll(InputStream body) throws IOException {
        return body.readNBytes(1 << 20);
    }

    private static void reply(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
