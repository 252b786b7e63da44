package com.wise.enginepack.translate;

import com.wise.enginepack.engines.Engine;
import com.wise.enginepack.error.EngineProblem;
import com.wise.enginepack.exec.Binaries;
import com.wise.enginepack.exec.EngineGate;
import com.wise.enginepack.exec.ProcessResult;
import com.wise.enginepack.exec.ProcessRunner;
import com.wise.enginepack.exec.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Translation with apertium (engine "translate"), LibreTranslate style. The text goes in an
 * input-file argument: apertium run as a child process rejects text on a piped stdin.
 */
@Component("apertiumTranslator")
class ApertiumTranslator {

    private final TranslateProperties properties;
    private final Binaries binaries;
    private final EngineGate gate;
    private final ProcessRunner runner;

    ApertiumTranslator(TranslateProperties properties, Binaries binaries, EngineGate gate, ProcessRunner runner) {
        this.properties = properties;
        this.binaries = binaries;
        this.gate = gate;
        this.runner = runner;
    }

    /**
     * {@code {"translatedText": ...}}, a string for a string {@code q}, an array for an array.
     *
     * @throws EngineProblem 400 for a missing or over-long q, {@code auto} or an unsupported pair,
     *     an unknown format; 500 if apertium fails
     */
    public Map<String, Object> translate(TranslateRequest request) {
        if (request == null || request.q() == null || !(request.q().isTextual() || request.q().isArray())) {
            throw EngineProblem.badRequest("'q' is required: the text to translate, or an array of texts");
        }
        List<String> texts = new ArrayList<>();
        request.q().forEach(item -> texts.add(item.asText()));
        if (request.q().isTextual()) {
            texts.add(request.q().asText());
        }
        int length = texts.stream().mapToInt(String::length).sum();
        if (length > properties.maxTextLength()) {
            throw EngineProblem.badRequest("'q' has " + length + " characters; at most " + properties.maxTextLength());
        }
        String mode = mode(request.source(), request.target());
        String format = request.format() == null || request.format().isBlank() ? "text" : request.format();
        if (!format.equals("text") && !format.equals("html")) {
            throw EngineProblem.badRequest("format '" + format + "' is not one of [text, html]");
        }
        List<String> translated = gate.run(Engine.TRANSLATE.id(),
                workspace -> texts.stream().map(text -> apertium(workspace, mode, format, text)).toList());
        return Map.of("translatedText", request.q().isTextual() ? translated.get(0) : translated);
    }

    private String mode(String source, String target) {
        if ("auto".equals(source)) {
            throw EngineProblem.badRequest("source 'auto' is not supported: apertium cannot detect the language;"
                    + " give the source code, see GET /languages");
        }
        return properties.pairs().stream()
                .filter(pair -> pair.source().equals(source) && pair.target().equals(target))
                .map(TranslateProperties.Pair::mode)
                .findFirst()
                .orElseThrow(() -> EngineProblem.badRequest("cannot translate from '" + source + "' to '" + target
                        + "'; see GET /languages for the pairs served"));
    }

    /** One text through apertium, keeping the input's own leading and trailing whitespace. */
    private String apertium(Workspace workspace, String mode, String format, String text) {
        if (text.isBlank()) {
            return text;
        }
        ProcessResult result = runner.run(workspace, List.of(binaries.apertium(),
                "-u", "-f", format.equals("html") ? "html" : "txt", mode,
                workspace.write("input.txt", text).toString()));
        if (!result.succeeded()) {
            throw EngineProblem.failed("apertium failed: " + result.reason(workspace));
        }
        String leading = text.substring(0, text.length() - text.stripLeading().length());
        String trailing = text.substring(text.stripTrailing().length());
        return leading + result.stdout().strip() + trailing;
    }
}
