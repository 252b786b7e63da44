package com.wise.enginepack.audio;

import java.nio.file.Path;

/**
 * Audio ready for pocketsphinx: 16 kHz, 16-bit signed, mono WAV.
 *
 * @param seconds its duration
 */
public record RecognizerAudio(Path wav, double seconds) {
}
