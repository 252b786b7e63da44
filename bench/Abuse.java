import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile client for the abuse benchmark: on raw sockets (no client library hides what is sent),
 * N threads loop over every hostile request of docs/security.md until the time is up, and check
 * each answer's status. A 5xx, a wrong status, a connection closed without an answer or no answer
 * in 30 s is counted as unexpected.
 *
 * <pre>java bench/Abuse.java --port 9000 --seconds 60 [--threads 4] [--rounds 0]</pre>
 * {@code --rounds N} runs each case N times per thread instead of for a duration (to prime the
 * hub's metric series before counting them). Prints one line: {@code rounds=... requests=...
 * unexpected=... mb_offered=...} and then one line per case with its statuses.
 */
public class Abuse {

    private static final int CHUNK = 64 * 1024;
    private static final long MB = 1024 * 1024;

    record Case(String name, Set<Integer> expected, Request request) {
    }

    interface Request {
        /** Sends the request on the socket; returns the bytes of body it offered. */
        long send(OutputStream out, int port) throws IOException;
    }

    private static final Map<String, Map<Integer, AtomicLong>> STATUSES = new ConcurrentHashMap<>();
    private static final AtomicLong UNEXPECTED = new AtomicLong();
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final AtomicLong OFFERED = new AtomicLong();
    private static final AtomicLong ROUNDS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int port = 9000;
        int seconds = 60;
        int threads = 4;
        int rounds = 0;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Case> cases = cases();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        int p = port;
        int r = rounds;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofVirtual().start(() -> {
                for (int round = 0; r > 0 ? round < r : System.nanoTime() < until; round++) {
                    for (Case c : cases) {
                        run(c, p);
                    }
                    ROUNDS.incrementAndGet();
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.printf("rounds=%d requests=%d unexpected=%d mb_offered=%d%n", ROUNDS.get(), REQUESTS.get(),
                UNEXPECTED.get(), OFFERED.get() / MB);
        for (Case c : cases) {
            System.out.printf("  %-34s expected %-10s got %s%n", c.name(), c.expected(),
                    new TreeMap<>(STATUSES.getOrDefault(c.name(), Map.of())));
        }
    }

    private static List<Case> cases() {
        byte[] filePart = ("--xx\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\nRIFF\0\0\0\0WAVE").getBytes(StandardCharsets.US_ASCII);
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            parts.append("--xx\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nv\r\n");
        }
        String manyParts = parts.append("--xx--\r\n").toString();
        String tokens = "{\"text\":\"x\",\"target\":\"es\",\"extra\":[" + "{},".repeat(300_000) + "{}]}";
        String deep = "{\"text\":\"x\",\"target\":\"es\",\"extra\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
        String query = "?" + String.join("&", java.util.stream.IntStream.range(0, 1000)
                .mapToObj(i -> "p" + i + "=x").toList()) + "&api_key=abc&X-Request-Id=../../etc";
        return List.of(
                new Case("chunked 300 MB JSON", Set.of(413), (out, port) ->
                        chunked(out, port, "POST", "/v1/translate", "application/json", new byte[0], 300 * MB)),
                new Case("chunked 100 MB upload to STT", Set.of(413), (out, port) ->
                        chunked(out, port, "POST", "/v1/audio/transcriptions", "multipart/form-data; boundary=xx",
                                filePart, 100 * MB)),
                new Case("chunked upload to pronunciation", Set.of(413, 503), (out, port) ->
                        chunked(out, port, "POST", "/v1/pronunciation/assess", "multipart/form-data; boundary=xx",
                                filePart, 100 * MB)),
                new Case("Content-Length 2 GB", Set.of(413), (out, port) -> {
                    head(out, port, "POST", "/v1/translate", "Content-Type: application/json\r\nContent-Length: "
                            + 2L * 1024 * MB + "\r\n");
                    return 0;
                }),
                new Case("form body, 50 MB", Set.of(415), (out, port) ->
                        chunked(out, port, "POST", "/v1/translate", "application/x-www-form-urlencoded",
                                "text=".getBytes(StandardCharsets.US_ASCII), 50 * MB)),
                new Case("multipart to a JSON endpoint", Set.of(415), (out, port) ->
                        chunked(out, port, "POST", "/v1/audio/speech", "multipart/form-data; boundary=xx", filePart,
                                50 * MB)),
                new Case("60 multipart parts", Set.of(400), (out, port) ->
                        fixed(out, port, "POST", "/v1/audio/transcriptions", "multipart/form-data; boundary=xx",
                                manyParts.getBytes(StandardCharsets.US_ASCII))),
                new Case("300,000 JSON tokens", Set.of(400), (out, port) ->
                        fixed(out, port, "POST", "/v1/translate", "application/json",
                                tokens.getBytes(StandardCharsets.US_ASCII))),
                new Case("JSON nested 2,000 deep", Set.of(400), (out, port) ->
                        fixed(out, port, "POST", "/v1/translate", "application/json",
                                deep.getBytes(StandardCharsets.US_ASCII))),
                new Case("broken chunked encoding", Set.of(400), (out, port) -> {
                    head(out, port, "POST", "/v1/translate",
                            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n");
                    out.write("zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    return 2;
                }),
                new Case("invented method, real path", Set.of(405), (out, port) -> {
                    head(out, port, randomMethod(), "/v1/translate", "");
                    return 0;
                }),
                new Case("invented method, invented path", Set.of(404, 405), (out, port) -> {
                    head(out, port, randomMethod(), "/nope-" + ThreadLocalRandom.current().nextInt(1_000_000), "");
                    return 0;
                }),
                new Case("20 KB header", Set.of(400, 431), (out, port) -> {
                    head(out, port, "POST", "/v1/translate", "X-Big: " + "a".repeat(20_000) + "\r\n");
                    return 0;
                }),
                new Case("1,000 query parameters", Set.of(200), (out, port) ->
                        fixed(out, port, "POST", "/v1/translate" + query, "application/json",
                                "{\"text\":\"Open the window.\",\"target\":\"es\"}".getBytes(StandardCharsets.US_ASCII))));
    }

    private static String randomMethod() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder method = new StringBuilder("M");
        for (int i = 0; i < 6; i++) {
            method.append((char) ('A' + random.nextInt(26)));
        }
        return method.toString();
    }

    private static void run(Case c, int port) {
        REQUESTS.incrementAndGet();
        int status;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            Thread reader;
            int[] answer = {-1};
            InputStream in = socket.getInputStream();
            reader = Thread.ofVirtual().start(() -> answer[0] = status(in));
            try {
                OFFERED.addAndGet(c.request().send(socket.getOutputStream(), port));
                socket.getOutputStream().flush();
            } catch (IOException closedByHub) {
                // the hub answered and closed while the body was still being sent: expected
            }
            reader.join(35_000);
            status = answer[0];
        } catch (IOException | InterruptedException e) {
            status = -1;
        }
        STATUSES.computeIfAbsent(c.name(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
        if (!c.expected().contains(status)) {
            UNEXPECTED.incrementAndGet();
        }
    }

    /** The status of the answer; -1 when the connection closed without one, -2 when none came in 30 s. */
    private static int status(InputStream in) {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return -1;
                }
                line.write(b);
            }
            String[] words = line.toString(StandardCharsets.US_ASCII).split(" ");
            int status = Integer.parseInt(words[1]);
            in.transferTo(OutputStream.nullOutputStream()); // Connection: close: read to the end
            return status;
        } catch (SocketTimeoutException e) {
            return -2;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void head(OutputStream out, int port, String method, String path, String headers) throws IOException {
        out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n" + headers
                + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static long fixed(OutputStream out, int port, String method, String path, String type, byte[] body)
            throws IOException {
        head(out, port, method, path, "Content-Type: " + type + "\r\nContent-Length: " + body.length + "\r\n");
        out.write(body);
        return body.length;
    }

    private static long chunked(OutputStream out, int port, String method, String path, String type, byte[] preamble,
            long total) throws IOException {
        head(out, port, method, path, "Content-Type: " + type + "\r\nTransfer-Encoding: chunked\r\n");
        long sent = 0;
        byte[] zeros = new byte[CHUNK];
        if (preamble.length > 0) {
            chunk(out, preamble, preamble.length);
            sent += preamble.length;
        }
        try {
            while (sent < total) {
                int n = (int) Math.min(CHUNK, total - sent);
                chunk(out, zeros, n);
                sent += n;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException closedByHub) {
            // the hub answered and closed: what it let us send is the figure
        }
        return sent;
    }

    private static void chunk(OutputStream out, byte[] data, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
