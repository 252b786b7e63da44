import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fast fake AI engine for the benchmarks only (never used by the hub in production). It speaks
 * just enough of each engine contract for the hub's routes, answers after a fixed latency with a
 * body of a fixed size, and counts the requests it served (GET /__count, POST /__reset).
 *
 * <pre>java bench/FakeEngine.java --port 8100 --latency-ms 0 --size 1024 [--status 500]</pre>
 * Runs each exchange on a virtual thread (JDK 21+), so thousands of slow requests cost little.
 */
public class FakeEngine {

    public static void main(String[] args) throws IOException {
        // The JDK server closes keep-alive connections beyond 200 idle ones by default; a load
        // generator holding thousands of connections would then see resets, not the engine.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "20000");
        System.setProperty("sun.net.httpserver.idleInterval", "120");
        int port = intArg(args, "--port", 8100);
        long latencyNanos = intArg(args, "--latency-ms", 0) * 1_000_000L;
        int size = intArg(args, "--size", 1024);
        int status = intArg(args, "--status", 200);
        AtomicLong served = new AtomicLong();
        byte[] audio = new byte[Math.max(size, 12)];
        Arrays.fill(audio, (byte) 'a');
        // A WAV signature: the hub checks that a TTS answer is audio before it caches it.
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, audio, 0, 4);
        System.arraycopy("WAVE".getBytes(StandardCharsets.US_ASCII), 0, audio, 8, 4);
        String pad = "x".repeat(Math.max(0, size - 40));
        byte[] translate = ("{\"translatedText\":\"" + pad + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] transcript = ("{\"text\":\"" + pad + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] phonemes = ("{\"words\":[{\"word\":\"hello\",\"phonemes\":[\"h\",\"ə\",\"l\",\"oʊ\"]}],\"pad\":\""
                + pad + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] error = "{\"error\":{\"message\":\"engine failure (benchmark)\"}}".getBytes(StandardCharsets.UTF_8);

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 8192);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/__count")) {
                    reply(exchange, 200, "text/plain", Long.toString(served.get()).getBytes(StandardCharsets.UTF_8));
                    return;
                }
                if (path.equals("/__reset")) {
                    served.set(0);
                    reply(exchange, 204, "text/plain", new byte[0]);
                    return;
                }
                if (path.endsWith("/health") || path.equals("/languages")) {
                    reply(exchange, 200, "application/json", "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                drain(exchange.getRequestBody());
                served.incrementAndGet();
                if (latencyNanos > 0) {
                    LockSupport.parkNanos(latencyNanos);
                }
                if (status >= 400) {
                    reply(exchange, status, "application/json", error);
                } else if (path.endsWith("/audio/speech")) {
                    reply(exchange, 200, "audio/wav", audio);
                } else if (path.endsWith("/audio/transcriptions")) {
                    reply(exchange, 200, "application/json", transcript);
                } else if (path.endsWith("/phonemize")) {
                    reply(exchange, 200, "application/json", phonemes);
                } else {
                    reply(exchange, 200, "application/json", translate);
                }
            }
        });
        server.start();
        System.out.println("fake engine on 127.0.0.1:" + port + " latency=" + latencyNanos / 1_000_000 + "ms size="
                + size + " status=" + status);
    }

    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[65536];
        while (body.read(buffer) >= 0) {
            // discard: the benchmark measures the hub, not the engine
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
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
