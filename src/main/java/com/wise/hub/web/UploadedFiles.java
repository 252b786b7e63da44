package com.wise.hub.web;

import jakarta.activation.DataHandler;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.CamelFileDataSource;
import org.apache.camel.attachment.DefaultAttachmentMessage;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes the files platform-http spools multipart uploads to. Camel copies every uploaded file to
 * the servlet temp directory and never removes it, so without this each upload would stay on disk.
 * A route that accepts uploads calls {@link #deleteWhenDone} first.
 */
@Component("uploadedFiles")
public class UploadedFiles {

    private static final Logger log = LoggerFactory.getLogger(UploadedFiles.class);

    /** Deletes the request's uploaded files once the exchange is done, whatever its outcome. */
    public void deleteWhenDone(Exchange exchange) {
        DefaultAttachmentMessage attachments = new DefaultAttachmentMessage(exchange.getMessage());
        if (!attachments.hasAttachments()) {
            return;
        }
        var files = attachments.getAttachments().values().stream().map(DataHandler::getDataSource)
                .filter(CamelFileDataSource.class::isInstance).map(s -> ((CamelFileDataSource) s).getFile()).toList();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                for (File file : files) {
                    try {
                        Files.deleteIfExists(file.toPath());
                    } catch (IOException e) {
                        log.warn("Cannot delete spooled upload {}: {}", file, e.getMessage());
                    }
                }
            }
        });
    }
}
