package com.wise.enginepack.visemes;

import com.wise.enginepack.engines.Engine;
import com.wise.enginepack.error.EngineProblem;
import com.wise.enginepack.exec.Binaries;
import com.wise.enginepack.exec.EngineGate;
import com.wise.enginepack.exec.ProcessResult;
import com.wise.enginepack.exec.ProcessRunner;
import com.wise.enginepack.sphinx.TimedToken;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Times a text's phones as flite would speak them: {@code flite -psdur} prints each utterance's
 * phones with their end times ({@code pau:0.164 hh:0.255 ...}), restarting at 0 per utterance.
 */
@Component("flitePhoneTimer")
class FlitePhoneTimer {

    private final VisemeProperties properties;
    private final Binaries binaries;
    private final EngineGate gate;
    private final ProcessRunner runner;

    FlitePhoneTimer(VisemeProperties properties, Binaries binaries, EngineGate gate, ProcessRunner runner) {
        this.properties = properties;
        this.binaries = binaries;
        this.gate = gate;
        this.runner = runner;
    }

    /**
     * The phones of the request's text, one utterance after another.
     *
     * @throws EngineProblem 400 for blank or over-long text, 500 if flite fails
     */
    public TimedPhones phones(VisemeTextRequest request) {
        String text = request == null || request.text() == null ? "" : request.text().strip();
        if (text.isEmpty()) {
            throw EngineProblem.badRequest("'text' is required and must not be blank (or send audio as multipart 'file')");
        }
        if (text.length() > properties.maxTextLength()) {
            throw EngineProblem.badRequest("'text' has " + text.length() + " characters; at most "
                    + properties.maxTextLength());
        }
        String output = gate.run(Engine.VISEMES.id(), workspace -> {
            ProcessResult result = runner.run(workspace, List.of(binaries.flite(),
                    "-voice", properties.fliteVoice(), "-psdur",
                    "-f", workspace.write("input.txt", text).toString(), "-o", "none"));
            if (!result.succeeded()) {
                throw EngineProblem.failed("flite failed: " + result.reason(workspace));
            }
            return result.stdout();
        });
        return parse(output);
    }

    static TimedPhones parse(String output) {
        List<TimedToken> phones = new ArrayList<>();
        double offset = 0;
        for (String line : output.split("\n")) {
            double start = 0;
            for (String item : line.strip().split("\\s+")) {
                int colon = item.lastIndexOf(':');
                if (colon <= 0) {
                    continue;
                }
                double end = Double.parseDouble(item.substring(colon + 1));
                phones.add(new TimedToken(item.substring(0, colon), offset + start, offset + end, 1.0));
                start = end;
            }
            offset += start;
        }
        return new TimedPhones(phones, offset);
    }
}
