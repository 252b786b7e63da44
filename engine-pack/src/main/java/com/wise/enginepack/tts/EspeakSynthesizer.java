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

/**
 * Text to speech with espeak-ng (engine "tts-espeak"), in any of its languages; with
 * {@code pack.tts.espeak.default-voice=vi} it is the Vietnamese engine.
 */
@Component("espeakSynthesizer")
class EspeakSynthesizer {

    /** espeak-ng's default rate in words per minute, which speed 1.0 means. */
    private static final int WORDS_PER_MINUTE = 175;

    private final TtsProperties.Espeak properties;
    private final Binaries binaries;
    private final EngineGate gate;
    private final ProcessRunner runner;
    private final SpeechAudio audio;
    private final EspeakVoices voices;

    EspeakSynthesizer(TtsProperties properties, Binaries binaries, EngineGate gate, ProcessRunner runner,
                      SpeechAudio audio, EspeakVoices voices) {
        this.properties = properties.espeak();
        this.binaries = binaries;
        this.gate = gate;
        this.runner = runner;
        this.audio = audio;
        this.voices = voices;
    }

    /**
     * Speaks the text at {@code 175 × speed} words per minute (espeak-ng keeps it within 80 to 450).
     *
     * @throws EngineProblem 400 for an unknown voice, 500 if espeak-ng fails
     */
    public Reply speak(Speech speech) {
        String voice = voice(speech.voice());
        return gate.run(Engine.TTS_ESPEAK.id(), workspace -> {
            Path text = workspace.write("input.txt", speech.text());
            Path wav = workspace.file("speech.wav");
            ProcessResult result = runner.run(workspace, List.of(binaries.espeak(),
                    "-v", voice,
                    "-s", String.valueOf(Math.round(WORDS_PER_MINUTE * speech.speed())),
                    "-f", text.toString(),
                    "-w", wav.toString()));
            if (!result.succeeded()) {
                throw EngineProblem.failed("espeak-ng failed: " + result.reason(workspace));
            }
            return audio.reply(wav, speech.format(), workspace, "espeak-ng");
        });
    }

    private String voice(String requested) {
        if (requested.isEmpty()) {
            return properties.defaultVoice();
        }
        String name = requested.toLowerCase(Locale.ROOT);
        if (properties.aliases() != null && properties.aliases().containsKey(name)) {
            return properties.defaultVoice() + properties.aliases().get(name);
        }
        if (voices.exists(name)) {
            return name;
        }
        throw EngineProblem.badRequest("voice '" + requested + "' is not available; use an espeak-ng language"
                + " such as en-us, en-gb, es or vi (optionally +f1..+f5, +m1..+m7), or an alias: "
                + (properties.aliases() == null ? "[]" : properties.aliases().keySet()));
    }
}
