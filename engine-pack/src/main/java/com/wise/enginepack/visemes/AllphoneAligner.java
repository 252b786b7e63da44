package com.wise.enginepack.visemes;

import com.wise.enginepack.audio.RecognizerAudio;
import com.wise.enginepack.audio.SoxConverter;
import com.wise.enginepack.audio.Upload;
import com.wise.enginepack.engines.Engine;
import com.wise.enginepack.error.EngineProblem;
import com.wise.enginepack.exec.Binaries;
import com.wise.enginepack.exec.EngineGate;
import com.wise.enginepack.exec.ProcessResult;
import com.wise.enginepack.exec.ProcessRunner;
import com.wise.enginepack.sphinx.TimedTokenParser;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Finds the phones of recorded speech and their times with pocketsphinx in allphone mode
 * ({@code -allphone en-us-phone.lm.bin}), after sox has decoded the audio to 16 kHz mono.
 */
@Component("allphoneAligner")
class AllphoneAligner {

    private final VisemeProperties properties;
    private final Binaries binaries;
    private final EngineGate gate;
    private final SoxConverter sox;
    private final ProcessRunner runner;

    AllphoneAligner(VisemeProperties properties, Binaries binaries, EngineGate gate, SoxConverter sox,
                    ProcessRunner runner) {
        this.properties = properties;
        this.binaries = binaries;
        this.gate = gate;
        this.sox = sox;
        this.runner = runner;
    }

    /**
     * The phones in the upload, SIL and noise included (they become rest cues).
     *
     * @throws EngineProblem 422 if sox cannot decode the audio, 500 if pocketsphinx fails
     */
    public TimedPhones phones(Upload upload) {
        return gate.run(Engine.VISEMES.id(), workspace -> {
            RecognizerAudio audio = sox.toRecognizerInput(upload, workspace, properties.maxDuration());
            List<String> argv = new ArrayList<>(List.of(binaries.pocketsphinx(),
                    "-infile", audio.wav().toString(),
                    "-hmm", properties.acousticModel().toString(),
                    "-allphone", properties.phoneModel().toString(),
                    "-time", "yes"));
            if (properties.decoderOptions() != null) {
                argv.addAll(properties.decoderOptions());
            }
            ProcessResult result = runner.run(workspace, argv);
            if (!result.succeeded()) {
                throw EngineProblem.failed("pocketsphinx failed: " + result.reason(workspace));
            }
            return new TimedPhones(TimedTokenParser.parse(result.stdout()), audio.seconds());
        });
    }
}
