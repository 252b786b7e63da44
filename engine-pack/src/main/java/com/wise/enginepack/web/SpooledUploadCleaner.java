package com.wise.enginepack.web;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.DefaultAttachmentMessage;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCreatedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.trait.message.MessageTrait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes the files platform-http spools each multipart part to (in the servlet temp directory,
 * named by a UUID) when the request's exchange completes, whatever route served it or failed:
 * Camel 4.17's Spring Boot binding writes them and never removes them.
 */
@Component
class SpooledUploadCleaner extends EventNotifierSupport implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SpooledUploadCleaner.class);

    /**
     * Registers itself before the routes start: as a plain bean, Camel's auto-configuration found it
     * but it was not among the context's notifiers at run time (Camel 4.17.0), so no event came.
     */
    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        if (!camelContext.getManagementStrategy().getEventNotifiers().contains(this)) {
            camelContext.getManagementStrategy().addEventNotifier(this);
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing to do once started
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCreatedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeCreatedEvent) event).getExchange();
        if (exchange.getMessage().getPayloadForTrait(MessageTrait.ATTACHMENTS) == null) {
            return;
        }
        List<Path> spooled = new DefaultAttachmentMessage(exchange.getMessage()).getAttachments().values().stream()
                .map(DataHandler::getDataSource)
                .map(source -> source instanceof FileDataSource file ? file.getFile().toPath() : null)
                .filter(Objects::nonNull)
                .toList();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                spooled.forEach(SpooledUploadCleaner::delete);
            }
        });
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Cannot remove spooled upload {}: {}", path, e.getMessage());
        }
    }
}
