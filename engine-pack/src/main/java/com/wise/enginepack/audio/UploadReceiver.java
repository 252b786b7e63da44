package com.wise.enginepack.audio;

import com.wise.enginepack.error.EngineProblem;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.DefaultAttachmentMessage;
import org.springframework.stereotype.Component;

/** Takes the {@code file} part of a multipart request, as OpenAI's audio endpoints name it. */
@Component("uploads")
public class UploadReceiver {

    static final String FIELD = "file";

    /**
     * The uploaded file; the request's other form fields stay in the message headers.
     *
     * @throws EngineProblem 400 if the request is not multipart, has no {@code file} part, or
     *     the file is empty
     */
    public Upload receive(Exchange exchange) {
        Message message = exchange.getMessage();
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, "", String.class);
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw EngineProblem.badRequest("send the audio as multipart/form-data with the file in a field named '"
                    + FIELD + "' (Content-Type was '" + contentType + "')");
        }
        DataHandler part = new DefaultAttachmentMessage(message).getAttachment(FIELD);
        if (part == null || !(part.getDataSource() instanceof FileDataSource source)) {
            throw EngineProblem.badRequest("the multipart field '" + FIELD + "' with the audio file is missing");
        }
        Path path = source.getFile().toPath();
        if (size(path) == 0) {
            throw EngineProblem.badRequest("the uploaded file is empty");
        }
        boolean single = message.getHeader(Exchange.FILE_PATH) != null;
        return new Upload(path,
                single ? message.getHeader(Exchange.FILE_NAME, String.class) : null,
                single ? message.getHeader(Exchange.FILE_CONTENT_TYPE, String.class) : null);
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
