package com.wise.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Docker, Kubernetes and monitoring files cannot run here (no Docker engine), so they are
 * checked statically: they parse, say what the seed asks, agree with the routes, and Prometheus'
 * own promtool accepts the config and passes the alert unit tests.
 */
class DeliveryFilesTest {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void dockerfileIsMultiStageNonRootWithHealthcheck() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM ")).count()).isGreaterThanOrEqualTo(2);
        assertThat(dockerfile).containsPattern("(?m)^USER 10001");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*\\n?.*curl -fs http://localhost:9000/health");
        assertThat(dockerfile).contains("COPY routes/ /app/routes/").contains("ROUTES_DIR=/app/routes");
    }

    @Test
    void composeRunsRedisAndHubAsTheSeedDescribes() throws IOException {
        JsonNode compose = yaml.readTree(Path.of("docker/docker-compose.yml").toFile());
        JsonNode redis = compose.at("/services/redis");
        assertThat(redis.get("image").asText()).isEqualTo("redis:7-alpine");
        assertThat(redis.get("command").toString()).contains("appendonly").contains("512mb").contains("allkeys-lru");
        assertThat(redis.at("/healthcheck/test").toString()).contains("redis-cli").contains("ping");
        JsonNode hub = compose.at("/services/ai-hub");
        assertThat(hub.at("/depends_on/redis/condition").asText()).isEqualTo("service_healthy");
        assertThat(hub.at("/labels/prometheus.scrape").asText()).isEqualTo("true");
        assertThat(hub.at("/labels/prometheus.path").asText()).isEqualTo("/metrics");
        assertThat(hub.get("networks").toString()).contains("ai-network").contains("monitoring");
        assertThat(compose.at("/networks/monitoring/external").asBoolean()).isTrue();
        JsonNode gpu = compose.at("/services/triton/deploy/resources/reservations/devices/0");
        assertThat(gpu.get("driver").asText()).isEqualTo("nvidia");
        assertThat(gpu.get("capabilities").toString()).contains("gpu");
    }

    @Test
    void kubernetesManifestsParseAndProbeTheHealthEndpoints() throws IOException {
        List<String> kinds = new ArrayList<>();
        for (String file : List.of("deployment", "service", "hpa", "pdb", "config")) {
            kinds.add(yaml.readTree(Path.of("docker/k8s/" + file + ".yaml").toFile()).get("kind").asText());
        }
        assertThat(kinds).containsExactly("Deployment", "Service", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "ConfigMap");
        JsonNode container = yaml.readTree(Path.of("docker/k8s/deployment.yaml").toFile())
                .at("/spec/template/spec/containers/0");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
    }

    @Test
    void everyRouteFileShipsInTheKubernetesConfigMaps() throws IOException {
        String kustomization = Files.readString(Path.of("docker/k8s/kustomization.yaml"));
        try (Stream<Path> files = Files.walk(Path.of("routes"))) {
            List<Path> routeFiles = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertThat(routeFiles).isNotEmpty();
            for (Path file : routeFiles) {
                assertThat(kustomization).as("docker/k8s/kustomization.yaml must ship %s", file)
                        .contains("../../" + file.toString().replace('\\', '/'));
            }
        }
    }

    @Test
    void grafanaDashboardAndProvisioningParse() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("monitoring/grafana/dashboards/wise-ai-hub.json").toFile());
        assertThat(dashboard.get("uid").asText()).isEqualTo("wise-ai-hub");
        assertThat(dashboard.get("panels")).isNotEmpty();
        assertThat(yaml.readTree(Path.of("monitoring/grafana/provisioning/datasources/datasources.yml").toFile())
                .get("datasources")).hasSize(2);
        for (String file : List.of("monitoring/docker-compose.yml", "monitoring/loki/loki-config.yml",
                "monitoring/promtail/promtail-config.yml")) {
            assertThat(yaml.readTree(Path.of(file).toFile())).as(file).isNotNull();
        }
    }

    @Test
    void promtoolAcceptsTheConfigAndTheAlertRulesPassTheirTests() throws Exception {
        assertThat(run("promtool", "check", "config", "monitoring/prometheus/prometheus.yml")).isZero();
        assertThat(run("promtool", "check", "rules", "monitoring/prometheus/rules/hub-alerts.yml")).isZero();
        assertThat(run("promtool", "test", "rules", "monitoring/prometheus/tests/hub-alerts.test.yml")).isZero();
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (process.exitValue() != 0) {
            System.err.println(String.join(" ", command) + "\n" + output);
        }
        return process.exitValue();
    }
}
