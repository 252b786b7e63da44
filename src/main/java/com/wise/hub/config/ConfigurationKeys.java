package com.wise.hub.config;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * The names directly under a configuration prefix, from every property source (YAML, command line,
 * environment variables in any relaxed form): {@code hub.engines} → {@code defaults, stt, tts, ...}.
 * For trees whose keys are names the hub does not know in advance (capabilities), beside fixed keys
 * a record cannot bind as one map.
 */
public final class ConfigurationKeys {

    private ConfigurationKeys() {
    }

    public static Set<String> childrenOf(Environment environment, String prefix) {
        return childrenOf(ConfigurationPropertySources.get(environment), prefix);
    }

    public static Set<String> childrenOf(Iterable<ConfigurationPropertySource> sources, String prefix) {
        ConfigurationPropertyName parent = ConfigurationPropertyName.of(prefix);
        Set<String> children = new LinkedHashSet<>();
        for (ConfigurationPropertySource source : sources) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream().filter(parent::isAncestorOf).forEach(name ->
                        children.add(name.getElement(parent.getNumberOfElements(), ConfigurationPropertyName.Form.DASHED)));
            }
        }
        return children;
    }
}
