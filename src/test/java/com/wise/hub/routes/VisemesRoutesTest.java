package com.wise.hub.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.wise.hub.support.AudioSamples;
import com.wise.hub.support.HubHttpTest;
import com.wise.hub.support.MultipartBody;
import com.wise.hub.support.RedisServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /v1/visemes} (routes/visemes.yaml) with a real Redis and the viseme service faked by
 * WireMock: text and recordings, Rhubarb shapes with their viseme ids, the cache keyed by the
 * recording's content, a broken engine answer, bad input.
 */
class VisemesRoutesTest extends HubHttpTest {

    static final String PATH = "/v1/visemes";
    static final RedisServer REDIS = new RedisServer().start();
    static final WireMockServer SERVICE = new WireMockServer(options().dynamicPort());
    static final RedissonClient ADMIN;
    static final String CUES = "{\"duration\":0.6,\"cues\":[{\"start\":0.0,\"end\":0.1,\"value\":\"X\"},"
            + "{\"start\":0.1,\"end\":0.2,\"value\":\"A\"},{\"start\":0.2,\"end\":0.3,\"value\":\"B\"},"
            + "{\"start\":0.3,\"end\":0.35,\"value\":\"C\"},{\"start\":0.35,\"end\":0.4,\"value\":\"D\"},"
            + "{\"start\":0.4,\"end\":0.45,\"value\":\"E\"},{\"start\":0.45,\"end\":0.5,\"value\":\"F\"},"
            + "{\"start\":0.5,\"end\":0.55,\"value\":\"G\"},{\"start\":0.55,\"end\":0.6,\"value\":\"H\"}]}";

    static {
        SERVICE.start();
        Config config = new Config();
        config.useSingleServer().setAddress(REDIS.url());
        ADMIN = Redisson.create(config);
    }

    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void engineAndRedis(DynamicPropertyRegistry registry) {
        registry.add("hub.redis.url", REDIS::url);
        registry.add("VISEME_SERVICE_URL", SERVICE::baseUrl);
        registry.add("hub.capabilities.visemes.max-file-size", () -> "64KB");
    }

    @AfterAll
    static void stop() {
        ADMIN.shutdown();
        SERVICE.stop();
        REDIS.stop();
    }

    @BeforeEach
    void serviceAnswers() {
        ADMIN.getKeys().flushall();
        SERVICE.resetAll();
        answer(200, CUES);
    }

    @Test
    void textGetsEveryRhubarbShapeWithItsVisemeId() throws Exception {
        HttpResponse<String> response = postJson(PATH, "{\"text\":\" Hello there \"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var body = json.readTree(response.body());
        assertThat(body.get("duration").asDouble()).isEqualTo(0.6);
        assertThat(body.get("cues")).hasSize(9);
        StringBuilder pairs = new StringBuilder();
        body.get("cues").forEach(c -> pairs.append(c.get("shape").asText()).append(c.get("visemeId").asInt()).append(' '));
        assertThat(pairs.toString().trim()).isEqualTo("X0 A21 B19 C4 D2 E3 F7 G18 H14");
        assertThat(body.at("/cues/1/start").asDouble()).isEqualTo(0.1);
        assertThat(body.at("/cues/1/end").asDouble()).isEqualTo(0.2);
        assertThat(response.headers().firstValue("X-Engine")).hasValue("viseme-1");
        assertThat(response.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        SERVICE.verify(postRequestedFor(urlEqualTo("/visemes")).withRequestBody(equalToJson("{\"text\":\"Hello there\"}")));
    }

    @Test
    void aRecordingIsSentAsTheFilePartAndTheSameFileAgainIsAHit() throws Exception {
        byte[] wav = AudioSamples.wav(4096);

        HttpResponse<String> first = upload(new MultipartBody().file("file", "take-1.wav", "audio/wav", wav));
        HttpResponse<String> again = upload(new MultipartBody().file("file", "take-2.wav", "audio/wav", wav));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(again.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(again.body()).isEqualTo(first.body());
        LoggedRequest sent = SERVICE.findAll(postRequestedFor(urlEqualTo("/visemes"))).get(0);
        assertThat(sent.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(sent.getPart("file").getBody().asBytes()).isEqualTo(wav);
        assertThat(sent.getPart("file").getHeader("Content-Type").firstValue()).isEqualTo("audio/wav");
        SERVICE.verify(1, postRequestedFor(urlEqualTo("/visemes")));
    }

    @Test
    void anUnknownShapeFromTheServiceIs502() throws Exception {
        answer(200, "{\"duration\":0.2,\"cues\":[{\"start\":0.0,\"end\":0.2,\"value\":\"Q\"}]}");

        HttpResponse<String> response = postJson(PATH, "{\"text\":\"hello\"}");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("engine-bad-answer").contains("'Q'");
    }

    @Test
    void undecodableAudioIsTheServicesClientError() throws Exception {
        answer(422, "{\"type\":\"about:blank\",\"title\":\"Bad audio\",\"status\":422,\"detail\":\"cannot decode\"}");

        HttpResponse<String> response = upload(new MultipartBody().file("file", "a.wav", "audio/wav", AudioSamples.wav(512)));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("engine-rejected-request");
    }

    @Test
    void badInputIsRejectedBeforeTheService() throws Exception {
        assertProblem(postJson(PATH, "{}"), 400, "invalid-text");
        assertProblem(postJson(PATH, "{\"text\":\"" + "a".repeat(4097) + "\"}"), 400, "invalid-text");
        assertProblem(upload(new MultipartBody().field("text", "hello")), 400, "missing-file");
        assertProblem(upload(new MultipartBody().file("file", "a.wav", "audio/wav", new byte[0])), 400, "empty-file");
        assertProblem(upload(new MultipartBody().file("file", "a.txt", "text/plain", "not audio at all".getBytes())),
                415, "unsupported-media-type");
        assertProblem(upload(new MultipartBody().file("file", "big.wav", "audio/wav", AudioSamples.wav(65 * 1024))),
                413, "payload-too-large");
        assertProblem(HTTP.send(request(PATH).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString()),
                415, "unsupported-media-type");
        SERVICE.verify(0, postRequestedFor(urlEqualTo("/visemes")));
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("type").asText()).endsWith(":" + type);
    }

    private HttpResponse<String> upload(MultipartBody form) throws Exception {
        return HTTP.send(request(PATH).header("Content-Type", form.contentType()).POST(form.publisher()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void answer(int status, String body) {
        SERVICE.stubFor(post(urlEqualTo("/visemes")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", status == 200 ? "application/json" : "application/problem+json")
                .withBody(body)));
    }
}
