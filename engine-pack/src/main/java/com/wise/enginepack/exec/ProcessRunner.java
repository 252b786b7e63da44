package com.wise.enginepack.exec;

import com.wise.enginepack.error.EngineProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one engine binary as a child process: argv only (never a shell), standard input closed,
 * output captured to files in the request's workspace, killed with its children past
 * {@code pack.exec.timeout}.
 */
@Component
public class ProcessRunner {

    private static final Logger log = LoggerFactory.getLogger(ProcessRunner.class);

    private final ExecProperties properties;

    ProcessRunner(ExecProperties properties) {
        this.properties = properties;
    }

    /**
     * Runs {@code argv} in the workspace and waits for it.
     *
     * @return the exit code and captured output; a non-zero exit is the caller's to judge
     * @throws EngineProblem 500 if the program cannot start, 504 if it outlives the timeout
     */
    public ProcessResult run(Workspace workspace, List<String> argv) {
        String program = Path.of(argv.get(0)).getFileName().toString();
        Path stdout = workspace.file(program + ".out");
        Path stderr = workspace.file(program + ".err");
        Process process;
        try {
            process = new ProcessBuilder(argv)
                    .directory(workspace.dir().toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw EngineProblem.failed("cannot start " + program + ": " + e.getMessage());
        }
        try {
            if (!process.waitFor(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw EngineProblem.timedOut(program, properties.timeout());
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw EngineProblem.failed(program + " was interrupted");
        }
        log.debug("{} exited {}", program, process.exitValue());
        return new ProcessResult(program, process.exitValue(), read(stdout), read(stderr));
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
