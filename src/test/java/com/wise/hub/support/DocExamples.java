package com.wise.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The code blocks of the docs, for tests that run an example exactly as a reader would paste it: a
 * block is found by its first line (a comment such as {@code # routes/karaoke.yaml}).
 */
public final class DocExamples {

    private DocExamples() {
    }

    /** The fenced block of {@code doc} (e.g. {@code docs/routes.md}) whose first line is {@code firstLine}. */
    public static String block(String doc, String firstLine) {
        String text;
        try {
            text = Files.readString(Path.of(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = text.indexOf("```yaml\n" + firstLine);
        if (start < 0) {
            start = text.indexOf("```sh\n" + firstLine);
        }
        if (start < 0) {
            throw new IllegalStateException(doc + " has no code block starting with '" + firstLine + "'");
        }
        int body = text.indexOf('\n', start) + 1;
        int end = text.indexOf("\n```", body);
        return text.substring(body, end + 1);
    }

    /**
     * The block written to {@code target/doc-examples/<name>}, a path known before a test's Spring context
     * starts (for {@code spring.config.additional-location} in {@code @TestPropertySource}).
     */
    public static Path file(String doc, String firstLine, String name) {
        try {
            Path file = Path.of("target", "doc-examples", name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, block(doc, firstLine));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
