package com.wise.enginepack.exec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a finished child process left: its exit code, standard output and standard error (UTF-8).
 *
 * @param program the executable's file name, for messages
 */
public record ProcessResult(String program, int exitCode, String stdout, String stderr) {

    private static final int MAX_REASON = 300;

    public boolean succeeded() {
        return exitCode == 0;
    }

    /**
     * The engine's own account of a failure, for a client: the last line of standard error that
     * says ERROR, FAIL or Error (else its last line, else standard output's last line), at most
     * 300 characters, without the workspace's paths or the program's directory.
     */
    public String reason(Workspace workspace) {
        List<String> errors = lines(stderr);
        String reason = errors.stream()
                .filter(line -> line.contains("ERROR") || line.contains("FAIL") || line.startsWith("Error"))
                .reduce((first, second) -> second)
                .or(() -> last(errors))
                .or(() -> last(lines(stdout)))
                .orElse(program + " exited with " + exitCode);
        reason = workspace.redact(reason).replaceFirst("^\\S*/(" + Pattern.quote(program) + ")", "$1");
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static Optional<String> last(List<String> lines) {
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1));
    }
}
