package com.wise.hub.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One instance of the local engine pack ({@code engine-pack/target/wise-engine-pack.jar}, real
 * flite, espeak-ng, pocketsphinx and apertium) as a child process on a free port, for the
 * end-to-end tests. Fails, never skips, when the jar has not been built: scripts/test.sh builds it.
 */
public final class EnginePackProcess implements AutoCloseable {

    private static final Path JAR = Path.of("engine-pack/target/wise-engine-pack.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String engines;
    private final List<String> extraArgs;
    private volatile int port = RedisServer.freePort();
    private final Path log;
    private Process process;

    public EnginePackProcess(String engines, String... extraArgs) {
        this.engines = engines;
        this.extraArgs = List.of(extraArgs);
        try {
            this.log = Files.createTempFile("engine-pack-" + engines.replace(',', '_') + "-", ".log");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the process; returns at once (see {@link #awaitHealthy}). */
    public EnginePackProcess start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build it with "
                    + "./mvnw -f engine-pack/pom.xml package (scripts/test.sh does)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                "--server.port=" + port, "--pack.engines=" + engines));
        command.addAll(extraArgs);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the engine pack", e);
        }
        return this;
    }

    /** Waits (bounded) until {@code GET /health} answers 200. */
    public EnginePackProcess awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int restarts = 0;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                // The free port was taken between choosing it and the pack's binding it (seen once on CI): another one.
                if (restarts++ < 3 && portWasTaken()) {
                    port = RedisServer.freePort();
                    start();
                    continue;
                }
                throw new IllegalStateException("engine pack (" + engines + ") exited; log: " + log);
            }
            if (healthy()) {
                return this;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new IllegalStateException("engine pack (" + engines + ") not healthy after " + timeout + "; log: " + log);
    }

    private boolean portWasTaken() {
        try {
            return Files.readString(log).contains("was already in use");
        } catch (IOException e) {
            return false;
        }
    }

    public boolean healthy() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/health")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills the process at once, as a crashed engine would look to the hub. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        kill();
    }
}
