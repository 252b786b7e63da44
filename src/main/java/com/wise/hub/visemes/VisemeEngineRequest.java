package com.wise.hub.visemes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.springframework.stereotype.Component;

/**
 * The request the viseme service gets (our contract, docs/engines.md): JSON {@code {text}}, or a
 * multipart form with the recording in {@code file} (streamed from the spooled upload, so it can be
 * sent again to another engine). Sets the body and {@code Content-Type}.
 */
@Component("visemeEngineRequest")
public class VisemeEngineRequest {

    private final ObjectMapper json;

    VisemeEngineRequest(ObjectMapper json) {
        this.json = json;
    }

    public void build(Exchange exchange, @ExchangeProperty(VisemeRequestReader.VISEMES) VisemeRequest request)
            throws JsonProcessingException {
        if (request.text() != null) {
            exchange.getMessage().setBody(json.writeValueAsBytes(Map.of("text", request.text())));
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            return;
        }
        HttpEntity form = MultipartEntityBuilder.create()
                .setContentType(ContentType.create("multipart/form-data"))
                .addBinaryBody("file", request.audio().toFile(), ContentType.create(request.format().mimeType()),
                        "audio." + request.format().extension())
                .build();
        exchange.getMessage().setBody(form);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, form.getContentType());
    }
}
