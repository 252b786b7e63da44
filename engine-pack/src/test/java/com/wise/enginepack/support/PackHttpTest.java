package com.wise.enginepack.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the route tests: the real pack on a random port with the real engine binaries, every
 * engine that fits one process, and its own work and servlet temp directories so tests can check
 * that nothing is left behind.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "pack.engines=stt,tts-flite,translate,phonemes,visemes",
        "pack.exec.work-dir=target/test-work/pack",
        "server.tomcat.basedir=target/test-tomcat/pack"})
public abstract class PackHttpTest {

    protected static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    protected int port;

    protected HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    protected HttpResponse<byte[]> postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    protected HttpResponse<byte[]> post(String path, Multipart form) {
        return post(path, form.contentType(), form.bytes());
    }

    protected HttpResponse<byte[]> post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Speech from the pack's own flite engine, for the tests that need real audio. */
    protected byte[] speak(String text, String format) {
        HttpResponse<byte[]> response = postJson("/v1/audio/speech",
                "{\"input\":\"" + text + "\",\"voice\":\"slt\",\"response_format\":\"" + format + "\"}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("speech failed: " + new String(response.body()));
        }
        return response.body();
    }

    protected static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Regular files left in the engines' work directory or in the servlet temp directory. */
    protected static List<Path> leftoverFiles() {
        return Stream.of(Path.of("target/test-work/pack"), Path.of("target/test-tomcat/pack/work"))
                .filter(Files::isDirectory)
                .flatMap(PackHttpTest::files)
                .toList();
    }

    private static Stream<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
