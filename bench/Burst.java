import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fires N requests at once, spread round-robin over one or more hub replicas, and prints how many
 * ended with each status: for the exactness scenarios (N admitted, one engine call).
 *
 * <pre>java bench/Burst.java --count 2000 [--body '{"text":"hi"}' | --body-file f] --header "X-Api-Key: k" URL [URL...]</pre>
 */
public class Burst {

    public static void main(String[] args) throws Exception {
        int count = 100;
        byte[] body = null;
        List<String> headers = new ArrayList<>();
        List<URI> targets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--body" -> body = args[++i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                case "--body-file" -> body = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(args[++i]));
                case "--header" -> headers.add(args[++i]);
                default -> targets.add(URI.create(args[i]));
            }
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(10)).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(count);
        long begin = System.nanoTime();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(targets.get(i % targets.size()))
                        .timeout(Duration.ofSeconds(120));
                for (String header : headers) {
                    int colon = header.indexOf(':');
                    request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
                }
                request.method(body == null ? "GET" : "POST", body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
                HttpRequest built = request.build();
                threads.submit(() -> {
                    start.await();
                    int status;
                    try {
                        status = client.send(built, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    done.countDown();
                    return null;
                });
            }
            start.countDown();
            done.await();
        }
        System.out.printf("count=%d seconds=%.2f statuses=%s%n", count, (System.nanoTime() - begin) / 1e9,
                new TreeMap<>(statuses));
    }
}
