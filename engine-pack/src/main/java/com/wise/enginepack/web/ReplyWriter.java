package com.wise.enginepack.web;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Makes a {@link Reply} the HTTP response: its bytes and Content-Type, and none of the request's
 * headers or form fields (platform-http would otherwise echo them as response headers).
 */
@Component("replyWriter")
class ReplyWriter {

    public void write(Exchange exchange) {
        Reply reply = exchange.getMessage().getBody(Reply.class);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.CONTENT_TYPE, reply.contentType());
        out.setBody(reply.body());
    }
}
