package com.wise.hub.pronunciation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wise.hub.triton.TritonProperties;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Loads the model's vocabulary ({@code hub.triton.vocab}) once, at start-up; a bad file stops the hub. */
@Configuration(proxyBeanMethods = false)
class PronunciationConfiguration {

    @Bean
    PhonemeVocabulary phonemeVocabulary(TritonProperties triton, ResourceLoader resources, ObjectMapper json)
            throws IOException {
        Resource resource = resources.getResource(triton.vocab());
        if (!resource.exists()) {
            throw new IllegalStateException("hub.triton.vocab: " + triton.vocab() + " does not exist");
        }
        try (InputStream in = resource.getInputStream()) {
            return PhonemeVocabulary.parse(in, json, triton.vocab());
        }
    }
}
