package com.wise.hub.capability;

import com.wise.hub.config.ConfigurationKeys;
import com.wise.hub.engine.EngineCatalog;
import com.wise.hub.engine.EngineProperties;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Every capability declared under {@code hub.capabilities}, by name: the one place that knows them.
 * Any name under {@code hub.capabilities} is a capability, so a new one is configuration plus a route
 * file. Checked at start-up, with a message naming the property: a name that is not lower-case
 * kebab-case, an engine id that no {@code hub.engines.<id>} declares, an empty rule, a language that is
 * not ISO-639-1, a deadline or cache TTL that is not a positive duration.
 */
@Component("capabilities")
public class Capabilities {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    /** The ISO-639-1 language codes, the keys an {@code engines-by-language} rule may have. */
    public static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private final Map<String, Capability> byName;

    @Autowired
    public Capabilities(Environment environment, EngineCatalog engines, EngineProperties engineProperties) {
        Binder binder = Binder.get(environment);
        Map<String, Capability> declared = new LinkedHashMap<>();
        for (String name : ConfigurationKeys.childrenOf(environment, "hub.capabilities")) {
            CapabilityDeclaration declaration = binder.bindOrCreate("hub.capabilities." + name,
                    CapabilityDeclaration.class);
            declared.put(name, check(name, declaration, engines, engineProperties.defaults().deadline()));
        }
        this.byName = Collections.unmodifiableMap(declared);
    }

    /** Capabilities already checked, e.g. for a bean tested on its own. */
    public Capabilities(Collection<Capability> capabilities) {
        Map<String, Capability> declared = new LinkedHashMap<>();
        capabilities.forEach(capability -> declared.put(capability.name(), capability));
        this.byName = Collections.unmodifiableMap(declared);
    }

    /** Every declared capability, in declaration order. */
    public Map<String, Capability> all() {
        return byName;
    }

    public Optional<Capability> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /**
     * The capability with this name.
     *
     * @throws IllegalArgumentException when {@code hub.capabilities.<name>} is not declared (a route names a
     *                                  capability nobody configured: a 500, and the log says which)
     */
    public Capability get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no capability '" + name
                + "' is declared under hub.capabilities; declared: " + byName.keySet()));
    }

    private static Capability check(String name, CapabilityDeclaration d, EngineCatalog engines, Duration defaultDeadline) {
        String prefix = "hub.capabilities." + name;
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(prefix + ": a capability name is lower-case letters, digits and '-', "
                    + "starting with a letter");
        }
        // No engines declared: those an engine source made for it (pronunciation: the Triton targets).
        List<String> chain = d.engines().isEmpty() ? engines.sourcedFor(name)
                : engineIds(prefix + ".engines", d.engines(), engines, true);
        Map<String, List<String>> languages = rules(prefix + ".engines-by-language", d.enginesByLanguage(), engines);
        languages.keySet().forEach(language -> {
            if (!ISO_639_1.contains(language)) {
                throw new IllegalArgumentException(prefix + ".engines-by-language." + language
                        + ": keys are ISO-639-1 language codes such as vi or en");
            }
        });
        Duration deadline = d.deadline() != null ? d.deadline() : defaultDeadline;
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException(prefix + ".deadline must be a positive duration such as 30s, was "
                    + deadline);
        }
        return new Capability(name, chain, rules(prefix + ".engines-by-voice", d.enginesByVoice(), engines),
                rules(prefix + ".engines-by-model", d.enginesByModel(), engines), languages, deadline,
                cacheTtl(prefix + ".cache-ttl", d.cacheTtl()), d.idempotent());
    }

    private static Map<String, List<String>> rules(String property, Map<String, List<String>> rules,
            EngineCatalog engines) {
        Map<String, List<String>> checked = new LinkedHashMap<>();
        if (rules != null) {
            rules.forEach((key, ids) -> checked.put(key.toLowerCase(Locale.ROOT),
                    engineIds(property + "." + key, ids, engines, false)));
        }
        return Collections.unmodifiableMap(checked);
    }

    private static List<String> engineIds(String property, List<String> ids, EngineCatalog engines, boolean mayBeEmpty) {
        if (ids == null || ids.isEmpty()) {
            if (mayBeEmpty) {
                return List.of();
            }
            throw new IllegalArgumentException(property + " must list at least one engine id");
        }
        for (String id : ids) {
            if (engines.find(id).isEmpty()) {
                throw new IllegalArgumentException(property + " names engine '" + id
                        + "', which no hub.engines." + id + " declares; declared: "
                        + engines.all().stream().map(e -> e.id()).toList());
            }
        }
        return List.copyOf(ids);
    }

    private static Optional<Duration> cacheTtl(String property, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        Duration ttl;
        try {
            ttl = DurationStyle.detectAndParse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " must be a duration such as 7d, or none, was '" + value + "'");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration such as 7d, or none, was '"
                    + value + "'");
        }
        return Optional.of(ttl);
    }
}
