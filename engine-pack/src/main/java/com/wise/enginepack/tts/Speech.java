package com.wise.enginepack.tts;

/**
 * A checked speech request.
 *
 * @param voice the requested voice name, blank when none was given
 * @param format {@code mp3}, {@code wav}, {@code flac} or {@code pcm}
 * @param speed 0.25 to 4.0
 */
record Speech(String text, String voice, String format, double speed) {
}
