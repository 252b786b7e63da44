package com.wise.hub.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A local Redis Cluster of three masters (no replicas) made of {@link RedisServer}s started with
 * {@code --cluster-enabled yes} and joined by {@code redis-cli --cluster create}, for tests that
 * must prove every multi-key script stays in one hash slot.
 */
public final class RedisCluster implements AutoCloseable {

    private final List<RedisServer> nodes = new ArrayList<>();

    public RedisCluster() {
        for (int i = 0; i < 3; i++) {
            nodes.add(new RedisServer(RedisServer.freePort(), List.of("--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000")));
        }
    }

    /** Starts the three nodes, creates the cluster and waits until it serves every slot. */
    public RedisCluster start() {
        nodes.forEach(RedisServer::start);
        List<String> create = new ArrayList<>(List.of(redisCli(), "--cluster", "create"));
        nodes.forEach(n -> create.add("127.0.0.1:" + n.port()));
        create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        run(create);
        awaitClusterOk();
        return this;
    }

    /** Kills every node at once: the whole cluster is gone, as the hub sees it. */
    public void stopAll() {
        nodes.forEach(RedisServer::stop);
    }

    /** Restarts every node on its port with its saved cluster configuration and waits until the cluster is ok. */
    public void restartAll() {
        nodes.forEach(RedisServer::start);
        awaitClusterOk();
    }

    /** The value for {@code CACHE_URL} with {@code hub.redis.mode=cluster}. */
    public String url() {
        return nodes.stream().map(RedisServer::url).collect(Collectors.joining(","));
    }

    @Override
    public void close() {
        stopAll();
    }

    private void awaitClusterOk() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            boolean ok = nodes.stream().allMatch(n -> run(List.of(redisCli(), "-p", String.valueOf(n.port()),
                    "cluster", "info")).contains("cluster_state:ok"));
            if (ok) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("the local Redis Cluster did not reach cluster_state:ok in 30 s");
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static String redisCli() {
        return RedisServer.redisServerBinary().replace("redis-server", "redis-cli");
    }
}
