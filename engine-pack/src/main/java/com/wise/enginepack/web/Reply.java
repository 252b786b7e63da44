package com.wise.enginepack.web;

/** A successful response body with its media type, written to the client by {@link ReplyWriter}. */
public record Reply(byte[] body, String contentType) {
}
