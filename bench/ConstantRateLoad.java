import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Constant-rate load for latency percentiles, corrected for coordinated omission in the way wrk2
 * does it: C keep-alive connections each send their share of the rate on a fixed schedule, and
 * every latency is measured from the request's intended send time, so a stall in the server shows
 * up in the percentiles instead of silently lowering the offered rate. One virtual thread per
 * connection with plain blocking sockets keeps the generator cheap next to the server it measures.
 *
 * <pre>java bench/ConstantRateLoad.java --url URL --rate 500 --seconds 20 [--warmup 5] [--connections 64]
 *     [--method POST --body-file f --header "Content-Type: application/json" ...] [--callers N]</pre>
 * {@code --callers N} spreads the requests over N callers, each named by an {@code X-Forwarded-For}
 * address from the documentation ranges (the hub must trust the loopback proxy).
 * Prints one line: key=value pairs (rate, sent, ok, errors, p50_ms, p90_ms, p99_ms, p999_ms, max_ms).
 */
public class ConstantRateLoad {

    private static final java.util.concurrent.atomic.AtomicReference<String> FIRST_ERROR =
            new java.util.concurrent.atomic.AtomicReference<>();

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> opts = parse(args);
        URI uri = URI.create(one(opts, "--url", null));
        double rate = Double.parseDouble(one(opts, "--rate", "100"));
        int seconds = Integer.parseInt(one(opts, "--seconds", "20"));
        int warmup = Integer.parseInt(one(opts, "--warmup", "5"));
        int connections = Integer.parseInt(one(opts, "--connections", "64"));
        int callers = Integer.parseInt(one(opts, "--callers", "0"));
        String method = one(opts, "--method", "GET");
        byte[] body = opts.containsKey("--body-file") ? Files.readAllBytes(Path.of(one(opts, "--body-file", null)))
                : new byte[0];
        byte[][] requests = new byte[Math.max(1, callers)][];
        for (int i = 0; i < requests.length; i++) {
            StringBuilder head = new StringBuilder(method).append(' ')
                    .append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    .append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append(':').append(uri.getPort())
                    .append("\r\nContent-Length: ").append(body.length).append("\r\n");
            for (String header : opts.getOrDefault("--header", List.of())) {
                head.append(header).append("\r\n");
            }
            if (callers > 0) {
                head.append("X-Forwarded-For: ").append(callerAddress(i)).append("\r\n");
            }
            byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
            requests[i] = Arrays.copyOf(start, start.length + body.length);
            System.arraycopy(body, 0, requests[i], start.length, body.length);
        }
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
        run(address, requests, rate, warmup, connections, null);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long[] latencies = run(address, requests, rate, seconds, connections, statuses);
        System.err.println("statuses=" + new TreeMap<>(statuses));
        System.out.println(report(rate, latencies));
    }

    /** 198.51.100.1-250 and 203.0.113.1-250 (RFC 5737): never real clients. */
    static String callerAddress(int i) {
        return (i % 2 == 0 ? "198.51.100." : "203.0.113.") + (i / 2 % 250 + 1);
    }

    private static long[] run(InetSocketAddress address, byte[][] requests, double rate, int seconds, int connections,
            Map<Integer, AtomicInteger> statuses) throws InterruptedException {
        int total = (int) Math.round(rate * seconds);
        long[] latencies = new long[total];
        long start = System.nanoTime() + 100_000_000L;
        double interval = 1_000_000_000d / rate;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                int first = c;
                threads.submit(() -> {
                    Connection connection = null;
                    for (int i = first; i < total; i += connections) {
                        long intended = start + Math.round(i * interval);
                        long wait = intended - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        int status;
                        try {
                            if (connection == null) {
                                connection = new Connection(address);
                            }
                            status = connection.exchange(requests[i % requests.length]);
                            if (connection.closing) {
                                connection.close();
                                connection = null;
                            }
                        } catch (IOException | RuntimeException e) {
                            status = -1;
                            if (FIRST_ERROR.compareAndSet(null, e.toString())) {
                                System.err.println("first error: " + e);
                            }
                            if (connection != null) {
                                connection.close();
                            }
                            connection = null;
                        }
                        long latency = System.nanoTime() - intended;
                        latencies[i] = status >= 200 && status < 300 ? latency : -latency - 1;
                        if (statuses != null) {
                            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    if (connection != null) {
                        connection.close();
                    }
                    return null;
                });
            }
        }
        return latencies;
    }

    /** One keep-alive HTTP/1.1 connection: writes a request, reads the status and a Content-Length or chunked body. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        /** The server said {@code Connection: close}: the next request needs a new connection. */
        boolean closing;

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5000);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 65536);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(header.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            return status;
        }

        private void skip(long count) throws IOException {
            while (count > 0) {
                long skipped = in.skip(count);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed in the body");
                    }
                    skipped = 1;
                }
                count -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }

    private static String report(double rate, long[] latencies) {
        long errors = Arrays.stream(latencies).filter(l -> l < 0).count();
        long[] ok = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        return String.format("rate=%.0f sent=%d ok=%d errors=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f",
                rate, latencies.length, ok.length, errors, pct(ok, 50), pct(ok, 90), pct(ok, 99), pct(ok, 99.9),
                ok.length == 0 ? 0 : ok[ok.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> opts = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.computeIfAbsent(args[i], k -> new ArrayList<>()).add(args[i + 1]);
        }
        return opts;
    }

    private static String one(Map<String, List<String>> opts, String name, String fallback) {
        List<String> values = opts.get(name);
        if (values == null) {
            if (fallback == null) {
                throw new IllegalArgumentException(name + " is required");
            }
            return fallback;
        }
        return values.get(0);
    }
}
