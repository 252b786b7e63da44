package com.wise.hub.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.wise.hub.config.HubTempDirectory;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.HubInstance;
import com.wise.hub.support.MultipartBody;
import com.wise.hub.support.TestWavs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Disk: every upload and spooled body is deleted when its request ends, whatever the route, the
 * status or the exception, including uploads refused by auth, limits or checks; the hub's Tomcat
 * and spool directories live in its own temporary directory, deleted when it stops, and a killed
 * hub's directory is deleted by the next one.
 */
@TestPropertySource(properties = {"hub.auth.mode=token", "hub.auth.api-keys.uploads=d9e63221374cfbe42695d57cfe9a7aefb4f5d6178509424abc731b3f5944ea86",
        "hub.capabilities.visemes.limits.per-minute=1", "CACHE_URL="})
public class UploadCleanupTest extends HubHttpTest {

    static final String KEY = "upload-test-key";
    static final WireMockServer ENGINE = new WireMockServer(options().dynamicPort());
    static final byte[] WAV = TestWavs.pcm16(16000, new float[16000 * 40]);

    static {
        ENGINE.start();
    }

    @Autowired
    HubTempDirectory temp;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("STT_ENGINE_1_URL", ENGINE::baseUrl);
        registry.add("VISEME_SERVICE_URL", ENGINE::baseUrl);
    }

    @AfterAll
    static void stop() {
        ENGINE.stop();
    }

    @BeforeEach
    void engineAnswers() {
        ENGINE.resetAll();
        ENGINE.stubFor(post(urlEqualTo("/v1/audio/transcriptions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"text\":\"hello\"}")));
        ENGINE.stubFor(post(urlEqualTo("/visemes")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"duration\":1.0,\"cues\":[{\"start\":0,\"end\":1,\"value\":\"A\"}]}")));
    }

    @Test
    void aTranscribedUploadIsDeleted() throws Exception {
        assertThat(upload("/v1/audio/transcriptions", stt(WAV), KEY).statusCode()).isEqualTo(200);
        awaitNoFilesIn(temp.root());
    }

    @Test
    void anUploadWhoseEnginesFailedIsDeleted() throws Exception {
        ENGINE.stubFor(post(urlEqualTo("/v1/audio/transcriptions")).willReturn(aResponse().withStatus(500)));
        assertThat(upload("/v1/audio/transcriptions", stt(WAV), KEY).statusCode()).isEqualTo(502);
        awaitNoFilesIn(temp.root());
    }

    @Test
    void aPronunciationUploadIsDeleted() throws Exception {
        MultipartBody body = new MultipartBody().file("file", "a.wav", "audio/wav", WAV).field("text", "hello");
        // No Triton on this hub: 503, after the upload was copied for the route.
        assertThat(upload("/v1/pronunciation/assess", body, KEY).statusCode()).isEqualTo(503);
        awaitNoFilesIn(temp.root());
    }

    @Test
    void anUploadWithoutCredentialsIsDeleted() throws Exception {
        assertThat(upload("/v1/audio/transcriptions", stt(WAV), null).statusCode()).isEqualTo(401);
        assertThat(upload("/v1/pronunciation/assess", stt(WAV), "wrong-key").statusCode()).isEqualTo(401);
        awaitNoFilesIn(temp.root());
    }

    @Test
    void anUploadOverTheLimitIsDeleted() throws Exception {
        MultipartBody body = new MultipartBody().file("file", "a.wav", "audio/wav", WAV);
        List<Integer> statuses = Stream.of(1, 2, 3).map(i -> status(upload("/v1/visemes", body, KEY))).toList();
        assertThat(statuses).contains(429);
        awaitNoFilesIn(temp.root());
    }

    @Test
    void anUploadThatIsNotAudioIsDeleted() throws Exception {
        MultipartBody body = new MultipartBody().file("file", "a.wav", "audio/wav", "<html>".repeat(300_000).getBytes());
        assertThat(upload("/v1/audio/transcriptions", body, KEY).statusCode()).isEqualTo(415);
        awaitNoFilesIn(temp.root());
    }

    @Test
    void tomcatAndTheSpoolLiveInTheHubsOwnDirectory() {
        assertThat(temp.root()).startsWith(Path.of(System.getProperty("java.io.tmpdir"), "wise-ai-hub"));
        assertThat(temp.tomcat().resolve("work")).isDirectory();
    }

    @Test
    void aStoppedHubLeavesNoDirectoryAndAKilledHubsIsDeletedByTheNext(@TempDir Path parent) throws Exception {
        Path killed = Files.createDirectories(parent.resolve("2147483646-deadbeef").resolve("tomcat"));
        Files.writeString(killed.resolve("left-over"), "x");
        Path root;
        try (HubInstance hub = HubInstance.start(Map.of("hub.temp-dir", parent.toString(), "CACHE_URL", ""),
                Clock.systemUTC())) {
            root = hub.bean(HubTempDirectory.class).root();
            assertThat(root).isDirectory();
            assertThat(parent.resolve("2147483646-deadbeef")).doesNotExist();
        }
        assertThat(root).doesNotExist();
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }

    private static MultipartBody stt(byte[] audio) {
        return new MultipartBody().file("file", "a.wav", "audio/wav", audio).field("model", "whisper-1");
    }

    private HttpResponse<String> upload(String path, MultipartBody body, String key) {
        var request = request(path).header("Content-Type", body.contentType()).POST(body.publisher());
        if (key != null) {
            request.header("X-API-Key", key);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }

    /** Waits (the deletion follows the response) until no file is left anywhere under {@code dir}. */
    public static void awaitNoFilesIn(Path dir) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Stream<Path> files = Files.walk(dir)) {
                assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
            }
        });
    }
}
