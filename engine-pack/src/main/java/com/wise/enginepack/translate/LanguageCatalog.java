package com.wise.enginepack.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** LibreTranslate's {@code GET /languages}: {@code [{code, name, targets}]} from the configured pairs. */
@Component("languageCatalog")
class LanguageCatalog {

    private final TranslateProperties properties;

    LanguageCatalog(TranslateProperties properties) {
        this.properties = properties;
    }

    public List<Map<String, Object>> languages() {
        Map<String, List<String>> targets = new LinkedHashMap<>();
        properties.pairs().forEach(pair ->
                targets.computeIfAbsent(pair.source(), code -> new ArrayList<>()).add(pair.target()));
        List<Map<String, Object>> languages = new ArrayList<>();
        targets.forEach((code, to) -> {
            Map<String, Object> language = new LinkedHashMap<>();
            language.put("code", code);
            language.put("name", properties.names() == null ? code : properties.names().getOrDefault(code, code));
            language.put("targets", to);
            languages.add(language);
        });
        return languages;
    }
}
