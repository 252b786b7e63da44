package com.wise.enginepack.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wise.enginepack.error.EngineProblem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {

    @TempDir
    Path workDir;

    @Test
    void capturesOutputAndExitCodeWithoutAShell() {
        EngineGate gate = new EngineGate(properties(Duration.ofSeconds(10)));
        ProcessRunner runner = new ProcessRunner(properties(Duration.ofSeconds(10)));

        ProcessResult result = gate.run("test", workspace ->
                runner.run(workspace, List.of("/bin/echo", "$HOME", "; rm -rf /", "`id`")));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdout()).isEqualTo("$HOME ; rm -rf / `id`\n");
    }

    @Test
    void killsAProcessThatOutlivesTheTimeoutWith504() {
        EngineGate gate = new EngineGate(properties(Duration.ofSeconds(10)));
        ProcessRunner runner = new ProcessRunner(properties(Duration.ofMillis(200)));

        assertThatThrownBy(() -> gate.run("test", workspace -> runner.run(workspace, List.of("/bin/sleep", "30"))))
                .isInstanceOfSatisfying(EngineProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(504);
                    assertThat(problem.getMessage()).startsWith("sleep did not finish");
                });
    }

    @Test
    void missingProgramIsAnEngineFailure() {
        EngineGate gate = new EngineGate(properties(Duration.ofSeconds(10)));
        ProcessRunner runner = new ProcessRunner(properties(Duration.ofSeconds(10)));

        assertThatThrownBy(() -> gate.run("test", workspace -> runner.run(workspace, List.of("/nonexistent/engine"))))
                .isInstanceOfSatisfying(EngineProblem.class, problem -> assertThat(problem.status()).isEqualTo(500));
    }

    @Test
    void reasonPrefersTheLastErrorLineWithoutPaths() {
        EngineGate gate = new EngineGate(properties(Duration.ofSeconds(10)));

        String reason = gate.run("test", workspace -> new ProcessResult("sox", 2, "",
                "INFO: reading\n/usr/bin/sox FAIL formats: can't open input file `" + workspace.file("in.wav")
                        + "': WAVE: RIFF header not found\nINFO: done\n").reason(workspace));

        assertThat(reason).isEqualTo("sox FAIL formats: can't open input file `in.wav': WAVE: RIFF header not found");
    }

    private ExecProperties properties(Duration timeout) {
        return new ExecProperties(timeout, 2, Duration.ofSeconds(1), workDir);
    }
}
