package com.wise.hub.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The declared engines by id: those of {@code hub.engines.*} and those of every {@link EngineSource}
 * (the Triton targets), HTTP and gRPC alike. The one place that knows them.
 */
@Component("engineCatalog")
public class EngineCatalog {

    private final Map<String, EngineSettings> byId = new LinkedHashMap<>();

    /** The engines of {@code hub.engines} only. */
    public EngineCatalog(EngineProperties properties) {
        this(properties.engines(), List.of());
    }

    @Autowired
    EngineCatalog(EngineProperties properties, ObjectProvider<EngineSource> sources) {
        this(properties.engines(), sources.orderedStream().toList());
    }

    EngineCatalog(List<EngineSettings> declared, List<EngineSource> sources) {
        Stream.concat(declared.stream(), sources.stream().flatMap(source -> source.engines().stream()))
                .forEach(engine -> {
                    EngineSettings previous = byId.putIfAbsent(engine.id(), engine);
                    if (previous != null) {
                        throw new IllegalArgumentException("engine id '" + engine.id() + "' is declared for both "
                                + previous.capability() + " and " + engine.capability() + "; engine ids must be unique");
                    }
                });
    }

    /** Every declared engine, configured or not, in declaration order. */
    public List<EngineSettings> all() {
        return List.copyOf(byId.values());
    }

    /** The engines that have a URL, i.e. that get an {@code engine-call-<id>} route. */
    public List<EngineSettings> configured() {
        return byId.values().stream().filter(EngineSettings::configured).toList();
    }

    /** The ids of the capability's engines, configured or not, in declaration order; empty when it has none. */
    public List<String> idsOf(String capability) {
        return byId.values().stream().filter(e -> e.capability().equals(capability)).map(EngineSettings::id).toList();
    }

    public Optional<EngineSettings> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The engine with this id.
     *
     * @throws IllegalArgumentException when no engine has that id (a route or configuration names an
     *                                  engine that is not declared)
     */
    public EngineSettings get(String id) {
        EngineSettings engine = byId.get(id);
        if (engine == null) {
            throw new IllegalArgumentException("no engine '" + id + "' is declared; declared: " + byId.keySet());
        }
        return engine;
    }
}
