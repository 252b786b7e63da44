package com.wise.hub.pronunciation;

import com.wise.hub.triton.TritonProperties;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded WAV into the acoustic model's input: decoded, downmixed to mono, resampled to
 * the model's rate ({@code hub.triton.sample-rate}) and normalised to zero mean, unit variance.
 */
@Component
class SpeechAudioPreparer {

    private final PronunciationProperties limits;
    private final int modelRate;

    SpeechAudioPreparer(PronunciationProperties limits, TritonProperties triton) {
        this.limits = limits;
        this.modelRate = triton.sampleRate();
    }

    /**
     * @throws com.wise.hub.problem.ProblemException 415 not 16-bit PCM WAV mono/stereo, 413 too long, 400 broken or empty
     */
    float[] prepare(InputStream wav) throws IOException {
        PcmAudio audio = WavDecoder.decode(wav, limits.maxDuration());
        float[] mono = SincResampler.resample(audio.toMono(), audio.sampleRate(), modelRate);
        return WaveformNormalizer.normalize(mono);
    }
}
