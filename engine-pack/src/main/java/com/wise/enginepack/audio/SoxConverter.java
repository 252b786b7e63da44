package com.wise.enginepack.audio;

import com.wise.enginepack.error.EngineProblem;
import com.wise.enginepack.exec.Binaries;
import com.wise.enginepack.exec.ProcessResult;
import com.wise.enginepack.exec.ProcessRunner;
import com.wise.enginepack.exec.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.springframework.stereotype.Component;

/** Converts audio with sox: uploads to what pocketsphinx reads, and speech WAV to the formats asked for. */
@Component
public class SoxConverter {

    private static final String READABLE = "this engine reads WAV, MP3, FLAC, OGG Vorbis, AIFF and AU";

    private final Binaries binaries;
    private final ProcessRunner runner;

    SoxConverter(Binaries binaries, ProcessRunner runner) {
        this.binaries = binaries;
        this.runner = runner;
    }

    /**
     * Decodes an upload to 16 kHz 16-bit mono WAV in the workspace.
     *
     * @throws EngineProblem 422 with sox's reason if the audio cannot be decoded, has no samples,
     *     or is longer than {@code maxDuration}
     */
    public RecognizerAudio toRecognizerInput(Upload upload, Workspace workspace, Duration maxDuration) {
        Path wav = workspace.file("input-16k.wav");
        List<String> argv = new ArrayList<>(List.of(binaries.sox(), "-V1"));
        SoxInputType.of(upload).ifPresent(type -> argv.addAll(List.of("-t", type)));
        argv.add(upload.path().toString());
        argv.addAll(List.of("-t", "wav", "-r", "16000", "-b", "16", "-c", "1", "-e", "signed-integer"));
        argv.add(wav.toString());
        ProcessResult result = runner.run(workspace, argv);
        if (!result.succeeded()) {
            String reason = result.reason(workspace).replace(upload.path().toString(), "upload");
            throw EngineProblem.badAudio("the audio cannot be decoded (" + READABLE + "): " + reason);
        }
        double seconds = seconds(wav);
        if (seconds <= 0) {
            throw EngineProblem.badAudio("the audio contains no samples");
        }
        if (seconds > maxDuration.toSeconds()) {
            throw EngineProblem.badAudio(String.format("the audio is %.0f s long; this engine takes at most %d s",
                    seconds, maxDuration.toSeconds()));
        }
        return new RecognizerAudio(wav, seconds);
    }

    /**
     * Encodes a WAV as {@code mp3}, {@code flac}, {@code pcm} (raw 24 kHz 16-bit signed
     * little-endian mono, as OpenAI's pcm) or {@code wav} (returned as is).
     *
     * @throws EngineProblem 500 if sox fails
     */
    public Path encode(Path wav, String format, Workspace workspace) {
        List<String> output = switch (format) {
            case "wav" -> List.of();
            case "mp3" -> List.of("-t", "mp3");
            case "flac" -> List.of("-t", "flac");
            case "pcm" -> List.of("-t", "raw", "-r", "24000", "-b", "16", "-c", "1", "-e", "signed-integer", "-L");
            default -> throw EngineProblem.badRequest("response_format '" + format + "' is not supported");
        };
        if (output.isEmpty()) {
            return wav;
        }
        Path encoded = workspace.file("speech." + format);
        List<String> argv = new ArrayList<>(List.of(binaries.sox(), "-V1", wav.toString()));
        argv.addAll(output);
        argv.add(encoded.toString());
        ProcessResult result = runner.run(workspace, argv);
        if (!result.succeeded()) {
            throw EngineProblem.failed("sox could not encode " + format + ": " + result.reason(workspace));
        }
        return encoded;
    }

    /** Duration of a PCM WAV file in seconds, from its header. */
    public double seconds(Path wav) {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(wav.toFile());
            return format.getFrameLength() / (double) format.getFormat().getFrameRate();
        } catch (UnsupportedAudioFileException | IOException e) {
            throw EngineProblem.failed("cannot read the converted audio: " + e.getMessage());
        }
    }
}
