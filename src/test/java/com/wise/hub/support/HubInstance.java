package com.wise.hub.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One more hub (a whole Spring Boot application on a free port) in the test's JVM, so a test can
 * run several replicas against one Redis. The given clock replaces the hub's.
 */
public final class HubInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    private final ConfigurableApplicationContext context;
    private final int port;

    private HubInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** Starts a hub with the real routes plus {@code properties} (which win), using {@code clock}. */
    public static HubInstance start(Map<String, Object> properties, Clock clock) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("camel.main.jmx-enabled", "false");
        all.put("hub.health.probe-interval", "200ms");
        all.putAll(properties);
        // As command-line arguments, so they override application.yaml as a deployment's settings would.
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        startCamelAsADeploymentDoes();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(com.wise.hub.HubApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .run(args);
        return new HubInstance(context);
    }

    public int port() {
        return port;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** POSTs an empty body to {@code path} on this hub, asynchronously. */
    public CompletableFuture<HttpResponse<String>> post(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Closes the hub; gives up after a minute, so a client stuck in shutdown cannot hang the build. */
    @Override
    public void close() {
        Thread closer = new Thread(context::close, "close-hub-" + port);
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(Duration.ofMinutes(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            throw new IllegalStateException("hub on port " + port + " did not shut down within a minute");
        }
    }

    /**
     * camel-test-spring's listener stops Camel contexts from starting (the system property
     * {@code skipStartingCamelContext} and the static {@code SpringCamelContext.setNoStart}) while it prepares a
     * {@code @CamelSpringBootTest} class, and undoes it afterwards; a class whose static set-up failed leaves both
     * set, and every hub started by hand in the same JVM then runs no routes (all 404). A hub started here is a
     * deployment's, so it must start Camel whatever ran before.
     */
    public static void startCamelAsADeploymentDoes() {
        System.clearProperty("skipStartingCamelContext");
        org.apache.camel.spring.SpringCamelContext.setNoStart(false);
    }
}
