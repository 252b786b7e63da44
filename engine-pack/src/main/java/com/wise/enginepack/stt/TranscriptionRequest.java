package com.wise.enginepack.stt;

import com.wise.enginepack.audio.Upload;

/**
 * A transcription request, as OpenAI's multipart fields give it.
 *
 * @param language ISO-639-1 code of the speech
 * @param responseFormat {@code json}, {@code text}, {@code verbose_json}, {@code srt} or {@code vtt}
 */
public record TranscriptionRequest(Upload upload, String language, String responseFormat) {
}
