package com.wise.hub.health;

import com.wise.hub.metrics.HubMetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import com.wise.hub.config.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link DependencyProbe} in the background and keeps the latest results, so a
 * readiness request never waits on a dependency. Each result is also the gauge
 * {@code hub_dependency_up{dependency}}; a change of status is logged with the full diagnostics.
 */
@Component
public class DependencyProber implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DependencyProber.class);

    private final List<DependencyProbe> probes;
    private final HealthProperties properties;
    private final ConcurrentMap<String, ProbeResult> latest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hub-dependency-prober");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hub-dependency-probe");
        t.setDaemon(true);
        return t;
    });

    DependencyProber(List<DependencyProbe> probes, HealthProperties properties, MeterRegistry meters) {
        this.probes = probes;
        this.properties = properties;
        for (DependencyProbe probe : probes) {
            latest.put(probe.name(), new ProbeResult(ProbeResult.Status.UNKNOWN, "not probed yet", null, null));
            Gauge.builder(HubMetricNames.DEPENDENCY_UP, latest,
                            m -> m.get(probe.name()).status() == ProbeResult.Status.UP ? 1 : 0)
                    .description("1 when the dependency answered its last background probe")
                    .tag("dependency", probe.name()).register(meters);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long interval = properties.probeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::probeAll, 0, interval, TimeUnit.MILLISECONDS);
    }

    /** Probes everything once, in parallel, each bounded by {@code hub.health.probe-timeout}. */
    public void probeAll() {
        var futures = probes.stream().map(p -> Map.entry(p, workers.submit(p::probe))).toList();
        for (var entry : futures) {
            ProbeResult result;
            try {
                result = entry.getValue().get(properties.probeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                entry.getValue().cancel(true);
                result = ProbeResult.down("no answer within " + properties.probeTimeout().toMillis() + " ms");
            } catch (Exception e) {
                result = ProbeResult.down("probe failed", e.toString());
            }
            ProbeResult previous = latest.put(entry.getKey().name(), result);
            if (previous != null && previous.status() != result.status() && previous.status() != ProbeResult.Status.UNKNOWN
                    || previous != null && previous.status() == ProbeResult.Status.UNKNOWN
                    && result.status() == ProbeResult.Status.DOWN) {
                log.warn("Dependency {} is {}: {}", entry.getKey().name(), result.status(),
                        Redaction.url(result.diagnostics() != null ? result.diagnostics() : result.detail()));
            }
        }
    }

    /** The latest result per dependency, by name. */
    public Map<String, ProbeResult> latest() {
        return new TreeMap<>(latest);
    }

    /** The probes, to know which ones only degrade the hub. */
    public List<DependencyProbe> probes() {
        return probes;
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }
}
