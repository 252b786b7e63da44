import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Constant-rate load for latency percentiles, corrected for coordinated omission: request i is
 * due at start + i/rate and its latency is measured from that intended time, so a stall in the
 * server (or here) shows up in the percentiles instead of silently lowering the offered rate.
 *
 * <pre>java bench/ConstantRateLoad.java --url URL --rate 500 --seconds 20 [--warmup 5]
 *     [--method POST --body-file f --header "Content-Type: application/json" ...]</pre>
 * Prints one line: key=value pairs (rate, sent, ok, errors, p50_ms, p90_ms, p99_ms, p999_ms, max_ms).
 */
public class ConstantRateLoad {

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> opts = parse(args);
        URI uri = URI.create(one(opts, "--url", null));
        double rate = Double.parseDouble(one(opts, "--rate", "100"));
        int seconds = Integer.parseInt(one(opts, "--seconds", "20"));
        int warmup = Integer.parseInt(one(opts, "--warmup", "5"));
        String method = one(opts, "--method", "GET");
        byte[] body = opts.containsKey("--body-file") ? Files.readAllBytes(Path.of(one(opts, "--body-file", null)))
                : new byte[0];
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder template = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : opts.getOrDefault("--header", List.of())) {
            int colon = header.indexOf(':');
            template.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        HttpRequest request = template.build();
        run(client, request, rate, warmup, null);
        long[] latencies = run(client, request, rate, seconds, new ConcurrentHashMap<>());
        System.out.println(report(rate, latencies));
    }

    private static long[] run(HttpClient client, HttpRequest request, double rate, int seconds,
            Map<Integer, AtomicInteger> statuses) throws InterruptedException {
        int total = (int) Math.round(rate * seconds);
        long[] latencies = new long[total];
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime() + 50_000_000L;
        double intervalNanos = 1_000_000_000d / rate;
        for (int i = 0; i < total; i++) {
            long intended = start + Math.round(i * intervalNanos);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies[index] = System.nanoTime() - intended;
                int status = error != null ? -1 : response.statusCode();
                if (statuses != null) {
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                if (status < 200 || status >= 300) {
                    latencies[index] = -latencies[index] - 1;
                }
                done.countDown();
            });
        }
        done.await(120, TimeUnit.SECONDS);
        if (statuses != null) {
            System.err.println("statuses=" + new TreeMap<>(statuses));
        }
        return latencies;
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
