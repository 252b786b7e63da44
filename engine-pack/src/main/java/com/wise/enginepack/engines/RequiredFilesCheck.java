package com.wise.enginepack.engines;

import com.wise.enginepack.exec.Binaries;
import com.wise.enginepack.stt.SttProperties;
import com.wise.enginepack.visemes.VisemeProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when a selected engine's binary or model is missing, naming what to install,
 * rather than answering every request with 500.
 */
@Component
class RequiredFilesCheck implements InitializingBean {

    private final PackProperties pack;
    private final Binaries binaries;
    private final SttProperties stt;
    private final VisemeProperties visemes;

    RequiredFilesCheck(PackProperties pack, Binaries binaries, SttProperties stt, VisemeProperties visemes) {
        this.pack = pack;
        this.binaries = binaries;
        this.stt = stt;
        this.visemes = visemes;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> missing = new ArrayList<>();
        for (Engine engine : pack.selected()) {
            required(engine).forEach((path, executable) -> {
                boolean present = executable ? Files.isExecutable(path) : Files.isReadable(path);
                if (!present) {
                    missing.add(engine.id() + " needs " + path);
                }
            });
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing engine files (run scripts/install-packages.sh): " + missing);
        }
    }

    /** Each file the engine uses, mapped to whether it must be executable. */
    private Map<Path, Boolean> required(Engine engine) {
        Map<Path, Boolean> files = new LinkedHashMap<>();
        switch (engine) {
            case STT -> {
                files.put(Path.of(binaries.sox()), true);
                files.put(Path.of(binaries.pocketsphinx()), true);
                files.put(stt.acousticModel(), false);
                files.put(stt.languageModel(), false);
                files.put(stt.dictionary(), false);
            }
            case TTS_FLITE -> {
                files.put(Path.of(binaries.flite()), true);
                files.put(Path.of(binaries.sox()), true);
            }
            case TTS_ESPEAK -> {
                files.put(Path.of(binaries.espeak()), true);
                files.put(Path.of(binaries.sox()), true);
            }
            case TRANSLATE -> files.put(Path.of(binaries.apertium()), true);
            case PHONEMES -> files.put(Path.of(binaries.espeak()), true);
            case VISEMES -> {
                files.put(Path.of(binaries.flite()), true);
                files.put(Path.of(binaries.sox()), true);
                files.put(Path.of(binaries.pocketsphinx()), true);
                files.put(visemes.acousticModel(), false);
                files.put(visemes.phoneModel(), false);
            }
            case GRAMMAR -> {
                // LanguageTool's rules are jars on the classpath: no file outside the pack
            }
            default -> throw new IllegalStateException("no file list for " + engine);
        }
        return files;
    }
}
