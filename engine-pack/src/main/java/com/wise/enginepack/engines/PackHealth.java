package com.wise.enginepack.engines;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The body of {@code GET /health}: {@code {"status":"UP","engines":[...]}}. */
@Component("packHealth")
class PackHealth {

    private final PackProperties properties;

    PackHealth(PackProperties properties) {
        this.properties = properties;
    }

    public Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", "UP");
        report.put("engines", properties.selected().stream().map(Engine::id).toList());
        return report;
    }
}
