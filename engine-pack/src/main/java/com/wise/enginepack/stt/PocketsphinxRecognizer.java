package com.wise.enginepack.stt;

import com.wise.enginepack.audio.RecognizerAudio;
import com.wise.enginepack.audio.SoxConverter;
import com.wise.enginepack.engines.Engine;
import com.wise.enginepack.error.EngineProblem;
import com.wise.enginepack.exec.Binaries;
import com.wise.enginepack.exec.EngineGate;
import com.wise.enginepack.exec.ProcessResult;
import com.wise.enginepack.exec.ProcessRunner;
import com.wise.enginepack.sphinx.TimedToken;
import com.wise.enginepack.sphinx.TimedTokenParser;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Speech to text with pocketsphinx: the upload, decoded by sox to 16 kHz mono, then word times. */
@Component("pocketsphinxRecognizer")
class PocketsphinxRecognizer {

    private final SttProperties properties;
    private final Binaries binaries;
    private final EngineGate gate;
    private final SoxConverter sox;
    private final ProcessRunner runner;

    PocketsphinxRecognizer(SttProperties properties, Binaries binaries, EngineGate gate, SoxConverter sox,
                           ProcessRunner runner) {
        this.properties = properties;
        this.binaries = binaries;
        this.gate = gate;
        this.sox = sox;
        this.runner = runner;
    }

    /**
     * Transcribes the request's audio.
     *
     * @throws com.wise.enginepack.error.EngineProblem 422 if sox cannot decode the audio, 500 if
     *     pocketsphinx fails, 503 if the engine stays busy, 504 on timeout
     */
    public Transcript transcribe(TranscriptionRequest request) {
        return gate.run(Engine.STT.id(), workspace -> {
            RecognizerAudio audio = sox.toRecognizerInput(request.upload(), workspace, properties.maxDuration());
            ProcessResult result = runner.run(workspace, List.of(binaries.pocketsphinx(),
                    "-infile", audio.wav().toString(),
                    "-hmm", properties.acousticModel().toString(),
                    "-lm", properties.languageModel().toString(),
                    "-dict", properties.dictionary().toString(),
                    "-time", "yes"));
            if (!result.succeeded()) {
                throw EngineProblem.failed("pocketsphinx failed: " + result.reason(workspace));
            }
            return new Transcript(request.language(), audio.seconds(),
                    utterances(TimedTokenParser.parse(result.stdout())));
        });
    }

    /** Splits the timed lines at each {@code <s>} and keeps the words of each utterance. */
    private static List<List<TimedToken>> utterances(List<TimedToken> tokens) {
        List<List<TimedToken>> utterances = new ArrayList<>();
        List<TimedToken> current = new ArrayList<>();
        for (TimedToken token : tokens) {
            if (token.isUtteranceStart() && !current.isEmpty()) {
                utterances.add(current);
                current = new ArrayList<>();
            } else if (!token.isFiller()) {
                current.add(token);
            }
        }
        if (!current.isEmpty()) {
            utterances.add(current);
        }
        return utterances;
    }
}
