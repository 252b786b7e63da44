package com.wise.enginepack.phonemes;

import com.wise.enginepack.engines.Engine;
import com.wise.enginepack.error.EngineProblem;
import com.wise.enginepack.exec.Binaries;
import com.wise.enginepack.exec.EngineGate;
import com.wise.enginepack.exec.ProcessResult;
import com.wise.enginepack.exec.ProcessRunner;
import com.wise.enginepack.tts.EspeakVoices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * IPA phonemes per word with espeak-ng (engine "phonemes"). The words go one per line and
 * {@code -l} makes each line a clause, so line N of the output is word N; {@code --sep=_}
 * separates the phonemes, so multi-letter ones ({@code oʊ}, {@code tʃ}) stay whole.
 */
@Component("espeakPhonemizer")
class EspeakPhonemizer {

    private final PhonemeProperties properties;
    private final Binaries binaries;
    private final EngineGate gate;
    private final ProcessRunner runner;
    private final EspeakVoices voices;

    EspeakPhonemizer(PhonemeProperties properties, Binaries binaries, EngineGate gate, ProcessRunner runner,
                     EspeakVoices voices) {
        this.properties = properties;
        this.binaries = binaries;
        this.gate = gate;
        this.runner = runner;
        this.voices = voices;
    }

    /**
     * {@code {"words":[{"word","phonemes":[IPA...],"ipa"}]}}: phonemes without stress marks,
     * {@code ipa} the word's whole transcription with them.
     *
     * @throws EngineProblem 400 for blank or over-long text or an unknown language, 500 if
     *     espeak-ng fails or its lines do not match the words
     */
    public Map<String, Object> phonemize(PhonemizeRequest request) {
        String text = request == null || request.text() == null ? "" : request.text();
        if (text.isBlank()) {
            throw EngineProblem.badRequest("'text' is required and must not be blank");
        }
        if (text.length() > properties.maxTextLength()) {
            throw EngineProblem.badRequest("'text' has " + text.length() + " characters; at most "
                    + properties.maxTextLength());
        }
        String voice = voice(request.language());
        List<String> words = WordTokenizer.words(text);
        if (words.isEmpty()) {
            return Map.of("words", List.of());
        }
        List<String> lines = gate.run(Engine.PHONEMES.id(), workspace -> {
            ProcessResult result = runner.run(workspace, List.of(binaries.espeak(),
                    "-q", "--ipa", "--sep=_", "-l", String.valueOf(properties.maxTextLength() + 1),
                    "-v", voice, "-f", workspace.write("words.txt", String.join("\n", words) + "\n").toString()));
            if (!result.succeeded()) {
                throw EngineProblem.failed("espeak-ng failed: " + result.reason(workspace));
            }
            return result.stdout().lines().filter(line -> !line.isBlank()).toList();
        });
        if (lines.size() != words.size()) {
            throw EngineProblem.failed("espeak-ng gave " + lines.size() + " transcriptions for " + words.size() + " words");
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            entries.add(entry(words.get(i), lines.get(i).strip()));
        }
        return Map.of("words", entries);
    }

    private static Map<String, Object> entry(String word, String line) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("word", word);
        entry.put("phonemes", Arrays.stream(line.split("[_\\s]+"))
                .map(phoneme -> phoneme.replace("ˈ", "").replace("ˌ", ""))
                .filter(phoneme -> !phoneme.isEmpty())
                .toList());
        entry.put("ipa", line.replace("_", ""));
        return entry;
    }

    private String voice(String language) {
        String code = language == null || language.isBlank() ? "en" : language.strip().toLowerCase(Locale.ROOT);
        String voice = properties.voices() == null ? code : properties.voices().getOrDefault(code, code);
        if (!voices.exists(voice) || voice.contains("+")) {
            throw EngineProblem.badRequest("language '" + language + "' is not an espeak-ng language"
                    + " (e.g. en, en-us, en-gb, es, vi)");
        }
        return voice;
    }
}
