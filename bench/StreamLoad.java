import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent chat streams for the streaming benchmark: opens N OpenAI-compatible SSE streams at once
 * (POST {"model":"wise-chat","messages":[{"role":"user","content":"hi"}],"stream":true}), each on its own HTTP/1.1
 * connection, and reads every event as it arrives, all of them on one thread with a selector (cheap enough that
 * 1,000 streams of 50 events a second leave the cores to the path under test). Per stream it measures the time to the
 * first {@code data:} event from just before the request was sent, and per event the delay from the engine's
 * {@code "sent"} stamp (epoch microseconds, written by bench/SseEngine.java on this machine) to its receipt here.
 * A stream is ok when it answered 200, carried exactly the expected content events in order (t0, t1, ...), no
 * error event, and ended with {@code data: [DONE]}.
 *
 * <pre>java bench/StreamLoad.java --url http://127.0.0.1:8080/v1/chat/completions [--streams 1000] [--events 50]
 *     [--late-ms 50] [--warmup-streams 0] [--timeout-s 120] [--pid PID] [--engine-pid PID] [--clock-ticks 100]</pre>
 * {@code --warmup-streams W} first runs W streams that are not counted; {@code --pid} (the path under test) and
 * {@code --engine-pid} read that process's utime+stime from /proc/PID/stat just before and after the measured
 * streams (cpu_s, engine_cpu_s), and client_cpu_s is this generator's own.
 * Prints one line: key=value pairs (streams, ok, failed, events, late, ttft_p50_ms, ttft_p99_ms, ttft_max_ms,
 * delay_p50_ms, delay_p99_ms, delay_max_ms, seconds, cpu_s, engine_cpu_s, client_cpu_s); statuses and failures
 * go to stderr.
 */
public class StreamLoad {

    private static final String BODY = "{\"model\":\"wise-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
            + "\"stream\":true}";

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        URI uri = URI.create(required(opts, "--url"));
        int streams = Integer.parseInt(opts.getOrDefault("--streams", "1000"));
        int events = Integer.parseInt(opts.getOrDefault("--events", "50"));
        long lateMicros = Long.parseLong(opts.getOrDefault("--late-ms", "50")) * 1000;
        int warmup = Integer.parseInt(opts.getOrDefault("--warmup-streams", "0"));
        int timeout = Integer.parseInt(opts.getOrDefault("--timeout-s", "120"));
        String pid = opts.get("--pid");
        String enginePid = opts.get("--engine-pid");
        int clockTicks = Integer.parseInt(opts.getOrDefault("--clock-ticks", "100"));

        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        byte[] request = ("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: "
                + BODY.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + BODY).getBytes(StandardCharsets.UTF_8);
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
        if (warmup > 0) {
            run(address, request, warmup, events, timeout);
            Thread.sleep(1000);
        }
        long cpuBefore = pid == null ? 0 : cpuTicks(pid);
        long engineCpuBefore = enginePid == null ? 0 : cpuTicks(enginePid);
        long clientCpuBefore = clientCpuNanos();
        long started = System.nanoTime();
        Stream[] results = run(address, request, streams, events, timeout);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = pid == null ? Double.NaN : (cpuTicks(pid) - cpuBefore) / (double) clockTicks;
        double engineCpu = enginePid == null ? Double.NaN : (cpuTicks(enginePid) - engineCpuBefore) / (double) clockTicks;
        double clientCpu = (clientCpuNanos() - clientCpuBefore) / 1e9;
        System.out.println(report(results, lateMicros, seconds, cpu, engineCpu, clientCpu));
    }

    /**
     * Opens {@code count} connections at once and reads them all on this one thread (a selector): a thread or a
     * reactive pipeline per stream cost the JDK HttpClient about 90 µs of CPU an event here, so at 50,000 events a
     * second the generator, not the path under test, ran out of the 2 cores.
     */
    private static Stream[] run(InetSocketAddress address, byte[] request, int count, int events, int timeout)
            throws IOException {
        Stream[] streams = new Stream[count];
        int open = 0;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < count; i++) {
                Stream stream = new Stream(events, request);
                streams[i] = stream;
                stream.startNanos = System.nanoTime();
                try {
                    SocketChannel channel = SocketChannel.open();
                    stream.channel = channel;
                    channel.configureBlocking(false);
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    if (channel.connect(address)) {
                        stream.connected(channel.register(selector, SelectionKey.OP_READ, stream));
                    } else {
                        channel.register(selector, SelectionKey.OP_CONNECT, stream);
                    }
                    open++;
                } catch (IOException e) {
                    stream.fail(e.toString());
                    stream.close();
                }
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);
            byte[] bytes = new byte[1 << 16];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
            while (open > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                selector.select(Math.min(left, 1000));
                for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    Stream stream = (Stream) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            ((SocketChannel) key.channel()).finishConnect();
                            stream.connected(key);
                        } else if (key.isWritable()) {
                            stream.write(key);
                        } else if (key.isReadable()) {
                            buffer.clear();
                            int n = stream.channel.read(buffer);
                            Instant now = Instant.now();
                            long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
                            long nanos = System.nanoTime();
                            if (n < 0) {
                                stream.eof();
                            } else {
                                buffer.flip();
                                buffer.get(bytes, 0, n);
                                stream.feed(bytes, n, nanos, micros);
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        stream.fail(e.toString());
                        stream.close();
                    }
                    if (stream.closed) {
                        key.cancel();
                        open--;
                    }
                }
            }
        }
        for (Stream stream : streams) {
            if (!stream.closed) {
                stream.fail("timed out");
                stream.close();
            }
        }
        return streams;
    }

    /** One stream: its connection, an HTTP/1.1 response parser (Content-Length, chunked or to the end) and its figures. */
    private static final class Stream {
        private enum Phase { HEADERS, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, BODY, DONE }

        private final int expected;
        private final long[] delays;
        private final ByteBuffer request;
        SocketChannel channel;
        long startNanos;
        int status;
        boolean closed;
        private long ttftNanos = -1;
        private int contents;
        private boolean done;
        private String failure;
        private Phase phase = Phase.HEADERS;
        private boolean chunked;
        private long remaining = -1; // body or chunk bytes still due; -1: body to the end of the connection
        private final StringBuilder header = new StringBuilder();
        private byte[] line = new byte[512];
        private int lineLength;

        Stream(int expected, byte[] request) {
            this.expected = expected;
            this.delays = new long[expected];
            this.request = ByteBuffer.wrap(request);
        }

        void connected(SelectionKey key) throws IOException {
            key.interestOps(SelectionKey.OP_WRITE);
            write(key);
        }

        void write(SelectionKey key) throws IOException {
            channel.write(request);
            if (!request.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ);
            }
        }

        void eof() {
            if (phase == Phase.BODY && remaining < 0) {
                phase = Phase.DONE;
            } else if (phase != Phase.DONE) {
                fail("connection closed mid-answer");
            }
            close();
        }

        /** Parses what arrived; every event in it is stamped with this read's receipt time. */
        void feed(byte[] bytes, int n, long nanos, long micros) {
            for (int i = 0; i < n && phase != Phase.DONE; ) {
                switch (phase) {
                    case HEADERS, CHUNK_SIZE, CHUNK_END, TRAILERS -> {
                        byte b = bytes[i++];
                        if (b == '\n') {
                            String text = header.toString();
                            header.setLength(0);
                            headerLine(text);
                        } else if (b != '\r') {
                            header.append((char) b);
                        }
                    }
                    case CHUNK_DATA, BODY -> {
                        int take = remaining < 0 ? n - i : (int) Math.min(remaining, n - i);
                        for (int j = i; j < i + take; j++) {
                            body(bytes[j], nanos, micros);
                        }
                        i += take;
                        if (remaining >= 0) {
                            remaining -= take;
                            if (remaining == 0) {
                                phase = chunked ? Phase.CHUNK_END : Phase.DONE;
                            }
                        }
                    }
                    default -> i = n;
                }
            }
            if (phase == Phase.DONE) {
                close();
            }
        }

        private void headerLine(String text) {
            switch (phase) {
                case HEADERS -> {
                    if (status == 0) {
                        status = Integer.parseInt(text.substring(9, 12));
                    } else if (!text.isEmpty()) {
                        String lower = text.toLowerCase(java.util.Locale.ROOT);
                        if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                            chunked = true;
                        } else if (lower.startsWith("content-length:")) {
                            remaining = Long.parseLong(text.substring(15).trim());
                        }
                    } else if (chunked) {
                        phase = Phase.CHUNK_SIZE;
                    } else {
                        phase = remaining == 0 ? Phase.DONE : Phase.BODY;
                    }
                }
                case CHUNK_SIZE -> {
                    remaining = Long.parseLong(text.split(";")[0].trim(), 16);
                    phase = remaining == 0 ? Phase.TRAILERS : Phase.CHUNK_DATA;
                }
                case CHUNK_END -> phase = Phase.CHUNK_SIZE;
                case TRAILERS -> {
                    if (text.isEmpty()) {
                        phase = Phase.DONE;
                    }
                }
                default -> {
                }
            }
        }

        private void body(byte b, long nanos, long micros) {
            if (b != '\n') {
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
                return;
            }
            int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
            lineLength = 0;
            onLine(new String(line, 0, length, StandardCharsets.UTF_8), nanos, micros);
        }

        private void onLine(String line, long nanos, long micros) {
            if (line.startsWith("event:") && line.contains("error")) {
                fail("error event");
                return;
            }
            if (!line.startsWith("data:")) {
                return; // blank separators, comments (heartbeats), other fields
            }
            if (ttftNanos < 0) {
                ttftNanos = nanos - startNanos;
            }
            String data = line.substring(5).trim();
            if (data.equals("[DONE]")) {
                done = true;
                return;
            }
            if (done) {
                fail("data after [DONE]");
                return;
            }
            if (data.contains("\"error\"")) {
                fail("error in a data event");
                return;
            }
            int content = data.indexOf("\"content\":\"t");
            if (content < 0) {
                return; // role or usage chunk
            }
            int index = (int) number(data, content + 12);
            if (index != contents || contents >= expected) {
                fail("content event " + index + " where " + contents + " was due");
                return;
            }
            int sent = data.indexOf("\"sent\":");
            if (sent < 0) {
                fail("no sent stamp");
                return;
            }
            delays[contents++] = micros - number(data, sent + 7);
        }

        void fail(String why) {
            if (failure == null) {
                failure = why;
            }
        }

        void close() {
            closed = true;
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // closing a finished or broken connection
            }
        }

        /** Why the stream is not ok, or null. */
        String problem() {
            if (failure != null) {
                return failure;
            }
            if (status != 200) {
                return "HTTP " + status;
            }
            if (contents != expected) {
                return contents + " content events";
            }
            return done ? null : "no [DONE]";
        }

        private static long number(String text, int from) {
            long value = 0;
            for (int i = from; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
                value = value * 10 + (text.charAt(i) - '0');
            }
            return value;
        }
    }

    private static String report(Stream[] streams, long lateMicros, double seconds, double cpu, double engineCpu,
            double clientCpu) {
        Map<String, AtomicInteger> statuses = new TreeMap<>();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        long[] ttft = new long[streams.length];
        int ttfts = 0;
        int ok = 0;
        long eventCount = 0;
        for (Stream s : streams) {
            eventCount += s.contents;
        }
        long[] delays = new long[(int) eventCount];
        int d = 0;
        long late = 0;
        for (Stream s : streams) {
            statuses.computeIfAbsent(String.valueOf(s.status), k -> new AtomicInteger()).incrementAndGet();
            String problem = s.problem();
            if (problem == null) {
                ok++;
            } else {
                failures.computeIfAbsent(problem.length() > 80 ? problem.substring(0, 80) : problem,
                        k -> new AtomicInteger()).incrementAndGet();
            }
            if (s.ttftNanos >= 0) {
                ttft[ttfts++] = s.ttftNanos;
            }
            for (int i = 0; i < s.contents; i++) {
                delays[d++] = s.delays[i];
                if (s.delays[i] > lateMicros) {
                    late++;
                }
            }
        }
        System.err.println("statuses=" + statuses + (failures.isEmpty() ? "" : " failures=" + new TreeMap<>(failures)));
        long[] t = Arrays.copyOf(ttft, ttfts);
        Arrays.sort(t);
        Arrays.sort(delays);
        return String.format("streams=%d ok=%d failed=%d events=%d late=%d ttft_p50_ms=%.3f ttft_p99_ms=%.3f"
                        + " ttft_max_ms=%.3f delay_p50_ms=%.3f delay_p99_ms=%.3f delay_max_ms=%.3f seconds=%.2f cpu_s=%.2f"
                        + " engine_cpu_s=%.2f client_cpu_s=%.2f",
                streams.length, ok, streams.length - ok, eventCount, late, pct(t, 50) / 1e6, pct(t, 99) / 1e6,
                t.length == 0 ? Double.NaN : t[t.length - 1] / 1e6, pct(delays, 50) / 1e3, pct(delays, 99) / 1e3,
                delays.length == 0 ? Double.NaN : delays[delays.length - 1] / 1e3, seconds, cpu, engineCpu, clientCpu);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static long cpuTicks(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"), StandardCharsets.US_ASCII);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime (fields 14 and 15)
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        return opts;
    }

    private static String required(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
