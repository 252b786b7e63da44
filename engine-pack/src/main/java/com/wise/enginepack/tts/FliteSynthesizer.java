package com.wise.enginepack.tts;

import com.wise.enginepack.engines.Engine;
import com.wise.enginepack.error.EngineProblem;
import com.wise.enginepack.exec.Binaries;
import com.wise.enginepack.exec.EngineGate;
import com.wise.enginepack.exec.ProcessResult;
import com.wise.enginepack.exec.ProcessRunner;
import com.wise.enginepack.web.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Text to speech with flite (engine "tts-flite"): 16 kHz voices slt, awb, rms and kal16. */
@Component("fliteSynthesizer")
class FliteSynthesizer {

    private final TtsProperties.Flite properties;
    private final Binaries binaries;
    private final EngineGate gate;
    private final ProcessRunner runner;
    private final SpeechAudio audio;

    FliteSynthesizer(TtsProperties properties, Binaries binaries, EngineGate gate, ProcessRunner runner,
                     SpeechAudio audio) {
        this.properties = properties.flite();
        this.binaries = binaries;
        this.gate = gate;
        this.runner = runner;
        this.audio = audio;
    }

    /**
     * Speaks the text; speed becomes flite's {@code duration_stretch} (its inverse).
     *
     * @throws EngineProblem 400 for an unknown voice, 500 if flite fails
     */
    public Reply speak(Speech speech) {
        String voice = voice(speech.voice());
        return gate.run(Engine.TTS_FLITE.id(), workspace -> {
            Path text = workspace.write("input.txt", speech.text());
            Path wav = workspace.file("speech.wav");
            ProcessResult result = runner.run(workspace, List.of(binaries.flite(),
                    "-voice", voice,
                    "--setf", String.format(Locale.ROOT, "duration_stretch=%.3f", 1.0 / speech.speed()),
                    "-f", text.toString(),
                    "-o", wav.toString()));
            if (!result.succeeded()) {
                throw EngineProblem.failed("flite failed: " + result.reason(workspace));
            }
            return audio.reply(wav, speech.format(), workspace, "flite");
        });
    }

    /** flite silently falls back to its default voice for unknown names, so names are checked here. */
    private String voice(String requested) {
        if (requested.isEmpty()) {
            return properties.defaultVoice();
        }
        String name = requested.toLowerCase(Locale.ROOT);
        if (properties.voices().contains(name)) {
            return name;
        }
        if (properties.aliases() != null && properties.aliases().containsKey(name)) {
            return properties.aliases().get(name);
        }
        throw EngineProblem.badRequest("voice '" + requested + "' is not available; flite voices: "
                + properties.voices() + ", aliases: " + (properties.aliases() == null ? "[]" : properties.aliases().keySet()));
    }
}
