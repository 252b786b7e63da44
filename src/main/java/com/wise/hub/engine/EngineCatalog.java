package com.wise.hub.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The declared engines by id, resolved from {@code hub.engines.*}: the one place that knows them. */
@Component("engineCatalog")
public class EngineCatalog {

    private final Map<String, EngineSettings> byId = new LinkedHashMap<>();

    public EngineCatalog(EngineProperties properties) {
        properties.settings().forEach(engine -> byId.put(engine.id(), engine));
    }

    /** Every declared engine, configured or not, in declaration order. */
    public List<EngineSettings> all() {
        return List.copyOf(byId.values());
    }

    /** The engines that have a URL, i.e. that get an {@code engine-call-<id>} route. */
    public List<EngineSettings> configured() {
        return byId.values().stream().filter(EngineSettings::configured).toList();
    }

    public Optional<EngineSettings> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The engine with this id.
     *
     * @throws IllegalArgumentException when no engine has that id (a route or configuration names an
     *                                  engine that is not declared under {@code hub.engines})
     */
    public EngineSettings get(String id) {
        EngineSettings engine = byId.get(id);
        if (engine == null) {
            throw new IllegalArgumentException("no engine '" + id + "' is declared under hub.engines; declared: "
                    + byId.keySet());
        }
        return engine;
    }
}
