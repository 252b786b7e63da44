package com.wise.enginepack.audio;

import java.nio.file.Path;

/**
 * An uploaded audio file as platform-http spooled it to disk (deleted when the request ends).
 *
 * @param filename the client's file name, or null when the request had several file parts
 * @param contentType the part's declared media type, or null
 */
public record Upload(Path path, String filename, String contentType) {
}
