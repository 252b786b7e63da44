package com.wise.enginepack.tts;

import com.wise.enginepack.error.EngineProblem;
import com.wise.enginepack.exec.Binaries;
import com.wise.enginepack.exec.EngineGate;
import com.wise.enginepack.exec.ProcessResult;
import com.wise.enginepack.exec.ProcessRunner;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The language codes espeak-ng has voices for ({@code espeak-ng --voices}, read once), so a voice
 * can be checked before speaking: espeak-ng only says "does not exist" after the fact.
 */
@Component
public class EspeakVoices {

    private static final Pattern VOICE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]+)*(\\+[a-z0-9_]+)?");

    private final Binaries binaries;
    private final EngineGate gate;
    private final ProcessRunner runner;
    private volatile Set<String> languages;

    EspeakVoices(Binaries binaries, EngineGate gate, ProcessRunner runner) {
        this.binaries = binaries;
        this.gate = gate;
        this.runner = runner;
    }

    /** Whether {@code voice}, a language code with an optional {@code +variant}, exists. */
    public boolean exists(String voice) {
        String name = voice.toLowerCase(Locale.ROOT);
        return VOICE.matcher(name).matches() && languages().contains(name.split("\\+")[0]);
    }

    private Set<String> languages() {
        Set<String> known = languages;
        if (known == null) {
            known = read();
            languages = known;
        }
        return known;
    }

    /** Column two of each line, plus the "Other Languages" codes such as {@code (en 3)}. */
    private Set<String> read() {
        ProcessResult result = gate.run("espeak-voices",
                workspace -> runner.run(workspace, List.of(binaries.espeak(), "--voices")));
        if (!result.succeeded()) {
            throw EngineProblem.failed("espeak-ng cannot list its voices: " + result.stderr().strip());
        }
        Set<String> codes = new TreeSet<>();
        result.stdout().lines().skip(1).map(String::strip).map(line -> line.split("\\s+")).forEach(columns -> {
            if (columns.length >= 2) {
                codes.add(columns[1].toLowerCase(Locale.ROOT));
            }
            Arrays.stream(columns).skip(5)
                    .filter(column -> column.startsWith("("))
                    .forEach(column -> codes.add(column.substring(1).toLowerCase(Locale.ROOT)));
        });
        return codes;
    }
}
