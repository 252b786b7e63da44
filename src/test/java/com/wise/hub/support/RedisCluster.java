package com.wise.hub.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * A local Redis Cluster of three masters (no replicas) for tests: three {@link RedisServer}s
 * with {@code --cluster-enabled yes}, joined by {@code redis-cli --cluster create}. Fails, never
 * skips, when redis-server or redis-cli is missing.
 */
public final class RedisCluster implements AutoCloseable {

    private final List<RedisServer> nodes = new ArrayList<>();

    /** Starts three masters on free ports and waits until the cluster reports {@code cluster_state:ok}. */
    public RedisCluster start() {
        for (int i = 0; i < 3; i++) {
            int port = RedisServer.freePort();
            nodes.add(new RedisServer(port, List.of("--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes-" + port + ".conf", "--cluster-node-timeout", "5000")).start());
        }
        List<String> create = new ArrayList<>(List.of(redisCli(), "--cluster", "create"));
        nodes.forEach(node -> create.add("127.0.0.1:" + node.port()));
        create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        String output = run(create);
        if (!output.contains("[OK] All 16384 slots covered")) {
            throw new IllegalStateException("redis-cli --cluster create failed:\n" + output);
        }
        awaitClusterOk();
        return this;
    }

    private void awaitClusterOk() {
        Awaitility.await("cluster_state:ok on every node").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> nodes.stream().allMatch(node -> run(List.of(redisCli(), "-p",
                        String.valueOf(node.port()), "cluster", "info")).contains("cluster_state:ok")));
    }

    /** The node URLs, comma-separated, as {@code CACHE_URL} takes them with {@code hub.redis.mode=cluster}. */
    public String urls() {
        return nodes.stream().map(RedisServer::url).collect(Collectors.joining(","));
    }

    public List<RedisServer> nodes() {
        return nodes;
    }

    /** Kills every node at once (SIGKILL): the whole cluster is gone, as a hub sees a full outage. */
    public void stopAll() {
        nodes.forEach(RedisServer::stop);
    }

    /** Restarts every node on its port with its saved cluster configuration; waits for {@code cluster_state:ok}. */
    public void restartAll() {
        nodes.forEach(RedisServer::start);
        awaitClusterOk();
    }

    /** Freezes one master (SIGSTOP): it keeps its connections but answers nothing, like a hung node. */
    public void freeze(RedisServer node) {
        signal(node, "-STOP");
    }

    /** Lets a frozen master answer again (SIGCONT). */
    public void thaw(RedisServer node) {
        signal(node, "-CONT");
    }

    @Override
    public void close() {
        nodes.forEach(RedisServer::stop);
    }

    private static void signal(RedisServer node, String signal) {
        String pids = run(List.of("pgrep", "-f", "redis-server 127.0.0.1:" + node.port())).trim();
        if (pids.isEmpty()) {
            throw new IllegalStateException("no redis-server on port " + node.port());
        }
        for (String pid : pids.split("\\s+")) {
            run(List.of("kill", signal, pid));
        }
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + "; install redis-tools", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String redisCli() {
        return RedisServer.redisServerBinary().replace("redis-server", "redis-cli");
    }
}
