package com.wise.enginepack.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.wise.enginepack.error.EngineProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineGateTest {

    @TempDir
    Path workDir;

    @Test
    void runsAtMostMaxConcurrentRequestsPerEngineAndLetsTheRestWait() throws Exception {
        EngineGate gate = new EngineGate(properties(3, Duration.ofSeconds(30)));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger entered = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            results.add(pool.submit(() -> gate.run("stt", workspace -> {
                highest.accumulateAndGet(running.incrementAndGet(), Math::max);
                entered.incrementAndGet();
                await().atMost(Duration.ofSeconds(10)).until(() -> entered.get() >= 3);
                running.decrementAndGet();
                return n;
            })));
        }
        for (Future<Integer> result : results) {
            result.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(highest.get()).isEqualTo(3);
        assertThat(entered.get()).isEqualTo(12);
    }

    @Test
    void answers503WithRetryAfterWhenNoSlotFreesUpInTime() throws Exception {
        EngineGate gate = new EngineGate(properties(1, Duration.ofMillis(50)));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Object> holder = pool.submit(() -> gate.run("tts-flite", workspace -> {
            holding.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> release.getCount() == 0);
            return null;
        }));
        holding.await(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> gate.run("tts-flite", workspace -> "never"))
                .isInstanceOfSatisfying(EngineProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(503);
                    assertThat(problem.retryAfter()).isPresent();
                });
        String otherEngine = gate.run("phonemes", workspace -> "not blocked");
        assertThat(otherEngine).isEqualTo("not blocked");

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        pool.shutdown();
    }

    @Test
    void deletesTheWorkspaceAfterSuccessAndAfterFailure() throws Exception {
        EngineGate gate = new EngineGate(properties(1, Duration.ofSeconds(1)));
        List<Path> seen = new ArrayList<>();

        gate.run("stt", workspace -> {
            seen.add(workspace.write("a.txt", "a"));
            return null;
        });
        assertThatThrownBy(() -> gate.run("stt", workspace -> {
            seen.add(workspace.write("b.txt", "b"));
            throw EngineProblem.badAudio("bad");
        })).isInstanceOf(EngineProblem.class);

        assertThat(seen).hasSize(2).allSatisfy(path -> assertThat(path).doesNotExist());
        try (var left = Files.list(workDir)) {
            assertThat(left).isEmpty();
        }
    }

    private ExecProperties properties(int maxConcurrent, Duration queueTimeout) {
        return new ExecProperties(Duration.ofSeconds(5), maxConcurrent, queueTimeout, workDir);
    }
}
