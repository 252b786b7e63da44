package com.wise.enginepack.exec;

import com.wise.enginepack.error.EngineProblem;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Bounds each engine to {@code pack.exec.max-concurrent} requests at once, each in a fresh
 * {@link Workspace} that is deleted afterwards. Our own semaphore rather than Camel's Throttle
 * EIP: its concurrent mode either rejects at once or waits without limit, and a request here
 * should queue for a bounded time ({@code pack.exec.queue-timeout}), then get 503.
 */
@Component
public class EngineGate {

    private final ExecProperties properties;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

    EngineGate(ExecProperties properties) {
        this.properties = properties;
    }

    /** Work done for one request inside its workspace. */
    @FunctionalInterface
    public interface EngineWork<T> {
        T run(Workspace workspace);
    }

    /**
     * Runs {@code work} in a new workspace once a slot of {@code engine} is free.
     *
     * @throws EngineProblem 503 with Retry-After if no slot frees up within the queue timeout
     */
    public <T> T run(String engine, EngineWork<T> work) {
        Semaphore semaphore = slots.computeIfAbsent(engine, name -> new Semaphore(properties.maxConcurrent(), true));
        acquire(engine, semaphore);
        try (Workspace workspace = Workspace.create(properties.workDir(), engine)) {
            return work.run(workspace);
        } finally {
            semaphore.release();
        }
    }

    private void acquire(String engine, Semaphore semaphore) {
        try {
            if (!semaphore.tryAcquire(properties.queueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw EngineProblem.busy(engine, Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EngineProblem.busy(engine, Duration.ofSeconds(1));
        }
    }
}
