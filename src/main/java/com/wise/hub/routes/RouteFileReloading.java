package com.wise.hub.routes;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.EventHelper;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's route watcher, with the two cases it gets wrong taken care of (read in its 4.17 source
 * and reproduced): a deleted file's routes kept running, and so did routes dropped from a saved
 * file; a file that parsed but whose routes could not be created (an unknown bean or endpoint) had
 * its old routes removed first and left nothing serving. Here a deleted file's routes are removed,
 * a saved file's dropped routes too, and a file that fails to load in any way leaves its previous
 * routes serving, is logged, and is listed in {@code /health/ready} ({@link RouteFileFailures})
 * until it loads. The stock strategy also re-reads every file that ever failed on each later
 * change, so one broken file blocked reloads of all others; this one reloads only the file saved.
 */
class RouteFileReloading extends RouteWatcherReloadStrategy {

    private static final Logger log = LoggerFactory.getLogger(RouteFileReloading.class);

    private final RouteFileFailures failures;
    private final Clock clock;

    RouteFileReloading(String directory, RouteFileFailures failures, Clock clock) {
        super(directory, false);
        this.failures = failures;
        this.clock = clock;
        setPattern("*.yaml");
        setRemoveAllRoutes(false);
    }

    @Override
    protected void onRouteReload(Collection<Resource> resources, boolean removeEverything) {
        if (resources == null || resources.size() != 1 || removeEverything) {
            super.onRouteReload(resources, removeEverything);
            return;
        }
        Resource resource = resources.iterator().next();
        URI uri = resource.getURI().normalize();
        String location = uri.getPath() != null ? uri.getPath() : resource.getLocation();
        String file = location.substring(location.lastIndexOf('/') + 1);
        Model model = getCamelContext().getCamelContextExtension().getContextPlugin(Model.class);
        List<RouteDefinition> previous = definitionsOf(model, uri);
        try {
            if (!resource.exists()) {
                for (RouteDefinition definition : previous) {
                    model.removeRouteDefinition(definition);
                }
                failures.loaded(file);
                log.info("Route file {} was deleted: removed its routes {}", file, ids(previous));
                return;
            }
            Set<String> loaded = PluginHelper.getRoutesLoader(getCamelContext()).updateRoutes(List.of(resource));
            for (RouteDefinition definition : previous) {
                if (!loaded.contains(definition.getRouteId())) {
                    model.removeRouteDefinition(definition);
                }
            }
            int index = 1;
            for (String id : loaded) {
                EventHelper.notifyRouteReloaded(getCamelContext(), getCamelContext().getRoute(id), index++, loaded.size());
            }
            failures.loaded(file);
            log.info("Route file {} reloaded: routes {}", file, loaded);
        } catch (Exception e) {
            restore(model, uri, previous, e);
            String reason = String.valueOf(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
            failures.failed(file, reason, clock.instant());
            // The watcher logs this exception at WARN with its stack trace (line and column for YAML).
            throw new RuntimeCamelException("Route file " + file + " did not load; its previous routes keep serving: "
                    + reason, e);
        }
    }

    /** Puts the previous routes back when the failed load had already replaced some of them. */
    private static void restore(Model model, URI uri, List<RouteDefinition> previous, Exception failure) {
        try {
            List<RouteDefinition> now = definitionsOf(model, uri);
            boolean untouched = now.size() == previous.size()
                    && now.stream().allMatch(d -> previous.stream().anyMatch(p -> p == d));
            if (!untouched) {
                Set<String> previousIds = new HashSet<>(ids(previous));
                for (RouteDefinition definition : now) {
                    if (!previousIds.contains(definition.getRouteId())) {
                        model.removeRouteDefinition(definition);
                    }
                }
                model.addRouteDefinitions(previous);
            }
        } catch (Exception rollback) {
            failure.addSuppressed(rollback);
        }
    }

    private static List<RouteDefinition> definitionsOf(Model model, URI uri) {
        List<RouteDefinition> definitions = new ArrayList<>();
        for (RouteDefinition definition : model.getRouteDefinitions()) {
            Resource resource = definition.getResource();
            if (resource != null && resource.getURI() != null && uri.equals(resource.getURI().normalize())) {
                definitions.add(definition);
            }
        }
        return definitions;
    }

    private static List<String> ids(List<RouteDefinition> definitions) {
        return definitions.stream().map(RouteDefinition::getRouteId).toList();
    }
}
