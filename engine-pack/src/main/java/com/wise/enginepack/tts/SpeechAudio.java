package com.wise.enginepack.tts;

import com.wise.enginepack.audio.SoxConverter;
import com.wise.enginepack.error.EngineProblem;
import com.wise.enginepack.exec.Workspace;
import com.wise.enginepack.web.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns a synthesizer's WAV into the response: encoded as asked, with OpenAI's media types. */
@Component
class SpeechAudio {

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "mp3", "audio/mpeg", "wav", "audio/wav", "flac", "audio/flac", "pcm", "audio/pcm");
    private static final int WAV_HEADER_BYTES = 44;

    private final SoxConverter sox;

    SpeechAudio(SoxConverter sox) {
        this.sox = sox;
    }

    /**
     * The reply for a synthesized WAV.
     *
     * @throws EngineProblem 500 if the synthesizer wrote no audio or sox cannot encode it
     */
    Reply reply(Path wav, String format, Workspace workspace, String program) {
        try {
            if (!Files.exists(wav) || Files.size(wav) <= WAV_HEADER_BYTES) {
                throw EngineProblem.failed(program + " produced no audio");
            }
            return new Reply(Files.readAllBytes(sox.encode(wav, format, workspace)), MEDIA_TYPES.get(format));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
