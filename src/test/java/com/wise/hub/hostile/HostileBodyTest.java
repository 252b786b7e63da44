package com.wise.hub.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.wise.hub.config.HubTempDirectory;
import com.wise.hub.support.ChunkedUpload;
import com.wise.hub.support.HubHttpTest;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile bodies: every transfer encoding is bounded while it is read, before anything parses,
 * buffers or spools it; form and multipart bodies are refused unread where no endpoint takes them;
 * JSON is bounded in depth, tokens and string length. Each case checks the answer, that the hub
 * stopped reading early, that no engine was called and that nothing was left on disk or in the heap.
 */
class HostileBodyTest extends HubHttpTest {

    static final WireMockServer ENGINE = new WireMockServer(options().dynamicPort());
    static final long MB = 1024 * 1024;

    static {
        ENGINE.start();
    }

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    HubTempDirectory temp;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("TRANSLATION_ENGINE_URL", ENGINE::baseUrl);
        registry.add("STT_ENGINE_1_URL", ENGINE::baseUrl);
    }

    @AfterAll
    static void stop() {
        ENGINE.stop();
    }

    @BeforeEach
    void engineAnswers() {
        ENGINE.resetAll();
        ENGINE.stubFor(post(urlEqualTo("/translate")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"translatedText\":\"hola\"}")));
    }

    @Test
    void aChunked300MegabyteJsonBodyIsRefusedWith413AfterItsFirstMegabytes() throws Exception {
        long heapBefore = heapAfterGc();

        ChunkedUpload.Result result = ChunkedUpload.post(port, "/v1/translate", "application/json",
                "{\"text\":\"".getBytes(StandardCharsets.UTF_8), 300 * MB);

        assertProblem(result, 413, "payload-too-large");
        assertThat(result.body()).contains("hub.json.max-body-size");
        assertThat(result.bytesSent()).as("the hub stopped reading").isLessThan(20 * MB);
        assertThat(heapAfterGc()).as("heap back near where it was").isLessThan(heapBefore + 64 * MB);
        ENGINE.verify(0, postRequestedFor(anyUrl()));
        assertThat(translate("{\"text\":\"still serving\",\"target\":\"es\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aDeclaredContentLengthOverTheLimitIsRefusedUnread() throws Exception {
        HttpResponse<String> response = HTTP.send(request("/v1/translate").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) (2 * MB)])).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response.statusCode(), response.body(), 413, "payload-too-large");
    }

    @Test
    void aChunkedUploadOverTheRequestLimitIsRefusedWith413AndLeavesNoFile() throws Exception {
        byte[] part = ("--xx\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        ChunkedUpload.Result result = ChunkedUpload.post(port, "/v1/audio/transcriptions",
                "multipart/form-data; boundary=xx", part, 200 * MB);

        assertProblem(result, 413, "payload-too-large");
        assertThat(result.bytesSent()).isLessThan(60 * MB);
        ENGINE.verify(0, postRequestedFor(anyUrl()));
        UploadCleanupTest.awaitNoFilesIn(temp.root());
    }

    @Test
    void aFormBodyIsRefusedWith415BeforeItIsRead() throws Exception {
        ChunkedUpload.Result result = ChunkedUpload.post(port, "/v1/translate", "application/x-www-form-urlencoded",
                "text=".getBytes(StandardCharsets.US_ASCII), 100 * MB);

        assertProblem(result, 415, "unsupported-media-type");
        assertThat(result.bytesSent()).isLessThan(10 * MB);
    }

    @Test
    void aFormBodyOfAPutIsNotParsedEither() throws Exception {
        ChunkedUpload.Result result = ChunkedUpload.send(port, "PUT", "/v1/translate",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "a=".getBytes(StandardCharsets.US_ASCII),
                100 * MB);

        assertProblem(result, 405, "method-not-allowed");
        assertThat(result.bytesSent()).isLessThan(10 * MB);
    }

    @Test
    void aMultipartBodyToAJsonEndpointIsRefusedWith415AndNotSpooled() throws Exception {
        byte[] part = "--xx\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);

        ChunkedUpload.Result result = ChunkedUpload.post(port, "/v1/translate", "multipart/form-data; boundary=xx",
                part, 100 * MB);

        assertProblem(result, 415, "unsupported-media-type");
        assertThat(result.bytesSent()).isLessThan(10 * MB);
        UploadCleanupTest.awaitNoFilesIn(temp.root());
    }

    @Test
    void anyBodyToAnUnknownPathIsAnsweredUnread() throws Exception {
        ChunkedUpload.Result result = ChunkedUpload.post(port, "/nope", "multipart/form-data; boundary=xx",
                new byte[0], 100 * MB);

        assertProblem(result, 404, "not-found");
        assertThat(result.bytesSent()).isLessThan(10 * MB);
    }

    @Test
    void anArrayOfEmptyObjectsPastTheTokenLimitIs400BeforeTheTreeIsBuilt() throws Exception {
        String array = "[" + "{},".repeat(300_000) + "{}]";

        HttpResponse<String> response = translate("{\"text\":\"x\",\"target\":\"es\",\"extra\":" + array + "}");

        assertProblem(response.statusCode(), response.body(), 400, "json-too-complex");
        assertThat(response.body()).contains("hub.json.max-tokens");
        ENGINE.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void deepNestingIs400() throws Exception {
        HttpResponse<String> response = translate("{\"text\":\"x\",\"target\":\"es\",\"extra\":"
                + "[".repeat(500) + "]".repeat(500) + "}");

        assertProblem(response.statusCode(), response.body(), 400, "json-too-complex");
        assertThat(response.body()).contains("hub.json.max-depth");
    }

    @Test
    void aHugeStringIs400() throws Exception {
        HttpResponse<String> response = translate("{\"text\":\"" + "x".repeat(300_000) + "\",\"target\":\"es\"}");

        assertProblem(response.statusCode(), response.body(), 400, "json-too-complex");
        assertThat(response.body()).contains("hub.json.max-string-length");
    }

    @Test
    void aDuplicatedMemberIs400() throws Exception {
        HttpResponse<String> response = translate("{\"text\":\"a\",\"target\":\"es\",\"text\":\"b\"}");

        assertProblem(response.statusCode(), response.body(), 400, "malformed-json");
        assertThat(response.body()).contains("Duplicate field 'text'");
    }

    @Test
    void aBrokenChunkedEncodingIs400() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST /v1/translate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                    + "\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 400");
        }
        ENGINE.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void anUploadWithMorePartsThanTomcatParsesIs400AndLeavesNoFile() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            body.append("--xx\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nv\r\n");
        }
        body.append("--xx--\r\n");

        HttpResponse<String> response = HTTP.send(request("/v1/audio/transcriptions")
                .header("Content-Type", "multipart/form-data; boundary=xx")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());

        assertProblem(response.statusCode(), response.body(), 400, "malformed-multipart");
        assertThat(response.body()).contains("server.tomcat.max-part-count");
        ENGINE.verify(0, postRequestedFor(anyUrl()));
        UploadCleanupTest.awaitNoFilesIn(temp.root());
    }

    @Test
    void aThousandQueryParametersCostNothingAndChangeNothing() throws Exception {
        String query = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "p" + i + "=x")
                .collect(java.util.stream.Collectors.joining("&"));

        HttpResponse<String> response = postJson("/v1/translate?" + query, "{\"text\":\"hello\",\"target\":\"es\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("translatedText").asText()).isEqualTo("hola");
    }

    private HttpResponse<String> translate(String body) throws Exception {
        return postJson("/v1/translate", body);
    }

    private void assertProblem(ChunkedUpload.Result result, int status, String slug) throws Exception {
        assertThat(result.headers().get("content-type")).startsWith("application/problem+json");
        assertProblem(result.status(), result.body(), status, slug);
    }

    private void assertProblem(int actualStatus, String body, int status, String slug) throws Exception {
        assertThat(actualStatus).as(body).isEqualTo(status);
        JsonNode problem = json.readTree(body);
        assertThat(problem.get("type").asText()).isEqualTo("urn:wise-ai-hub:problem:" + slug);
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
