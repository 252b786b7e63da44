package com.wise.enginepack.engines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code pack.engines} (e.g. {@code stt} or {@code tts-flite,phonemes}) into the route files
 * Camel loads, so one jar serves any subset of engines; an unknown name, or two engines on the
 * same endpoint, stops the start-up with a message that says which names exist.
 */
public class EngineSelection implements EnvironmentPostProcessor, Ordered {

    static final String ENGINES = "pack.engines";
    static final String ROUTES_PATTERN = "camel.main.routes-include-pattern";
    static final String SHARED_ROUTES = "classpath:routes/shared/*.yaml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> names = Binder.get(environment)
                .bind(ENGINES, Bindable.listOf(String.class))
                .orElse(List.of());
        List<Engine> engines = select(names);
        List<String> patterns = new ArrayList<>();
        patterns.add(SHARED_ROUTES);
        engines.forEach(engine -> patterns.add(engine.routeFile()));
        environment.getPropertySources().addFirst(
                new MapPropertySource("engineSelection", Map.of(ROUTES_PATTERN, String.join(",", patterns))));
    }

    /**
     * The engines named, in order, without duplicates.
     *
     * @throws IllegalStateException if no engine is named, a name is unknown, or two engines
     *     answer on the same endpoint
     */
    static List<Engine> select(List<String> names) {
        Set<Engine> selected = new LinkedHashSet<>();
        Map<String, Engine> byEndpoint = new LinkedHashMap<>();
        for (String raw : names) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            Engine engine = Engine.byId(name).orElseThrow(() -> new IllegalStateException(
                    "pack.engines names an unknown engine '" + name + "'; known engines: " + Engine.ids()));
            Engine other = byEndpoint.putIfAbsent(engine.endpoint(), engine);
            if (other != null && other != engine) {
                throw new IllegalStateException("pack.engines: " + other.id() + " and " + engine.id()
                        + " both answer " + engine.endpoint() + "; run them as two processes on two ports");
            }
            selected.add(engine);
        }
        if (selected.isEmpty()) {
            throw new IllegalStateException("pack.engines is empty; name at least one of " + Engine.ids());
        }
        return List.copyOf(selected);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
