package com.wise.hub.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A real {@code redis-server} process on a free loopback port, for tests. Fails (never skips)
 * when redis-server is not installed, so a green build always means Redis was exercised.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private final List<String> extraArgs;
    private Process process;

    public RedisServer() {
        this(freePort(), List.of());
    }

    public RedisServer(int port, List<String> extraArgs) {
        this.port = port;
        this.extraArgs = extraArgs;
        try {
            this.dir = Files.createTempDirectory("hub-redis-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a directory for redis-server", e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts redis-server (or restarts it on the same port) and waits until it accepts connections. */
    public synchronized RedisServer start() {
        if (isRunning()) {
            return this;
        }
        List<String> cmd = new ArrayList<>(List.of(redisServerBinary(), "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                "--protected-mode", "no"));
        cmd.addAll(extraArgs);
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server; install it (apt-get install redis-server)", e);
        }
        awaitPort(true);
        return this;
    }

    /** Stops the server at once (SIGKILL), as a crash or a network cut would look to the hub. */
    public synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            awaitPort(false);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitPort(boolean open) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            boolean accepting;
            try (Socket s = new Socket("127.0.0.1", port)) {
                accepting = true;
            } catch (IOException e) {
                accepting = false;
            }
            if (accepting == open) {
                return;
            }
            if (open && process != null && !process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start; see " + dir.resolve("redis.log"));
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new IllegalStateException("redis-server on port " + port + " did not " + (open ? "start" : "stop") + " in 10 s");
    }

    static String redisServerBinary() {
        for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("redis-server is not installed: run scripts/install-packages.sh (scripts/test.sh does), or apt-get install redis-server");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
