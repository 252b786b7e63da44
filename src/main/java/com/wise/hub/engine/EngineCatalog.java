package com.wise.hub.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final Map<String, List<String>> bySource = new LinkedHashMap<>();

    /** The engines of {@code hub.engines} only. */
    public EngineCatalog(EngineProperties properties) {
        this(properties.settings(), List.of());
    }

    @Autowired
    EngineCatalog(EngineProperties properties, ObjectProvider<EngineSource> sources) {
        this(properties.settings(), sources.orderedStream().toList());
    }

    EngineCatalog(List<EngineSettings> declared, List<EngineSource> sources) {
        declared.forEach(this::add);
        for (EngineSource source : sources) {
            source.engines().forEach(this::add);
            bySource.put(source.capability(), source.engines().stream().map(EngineSettings::id).toList());
        }
    }

    /** Every declared engine, configured or not, in declaration order. */
    public List<EngineSettings> all() {
        return List.copyOf(byId.values());
    }

    /** The engines that have a URL, i.e. that get an {@code engine-call-<id>} route. */
    public List<EngineSettings> configured() {
        return byId.values().stream().filter(EngineSettings::configured).toList();
    }

    /**
     * The ids of the engines an {@link EngineSource} made for the capability (the Triton targets for
     * {@code pronunciation}), in failover order; empty when no source serves it.
     */
    public List<String> sourcedFor(String capability) {
        return bySource.getOrDefault(capability, List.of());
    }

    private void add(EngineSettings engine) {
        if (byId.putIfAbsent(engine.id(), engine) != null) {
            throw new IllegalArgumentException("engine id '" + engine.id() + "' is declared twice (hub.engines and "
                    + "an engine source such as hub.triton.targets); engine ids must be unique");
        }
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
