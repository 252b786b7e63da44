package com.wise.hub.web;

import com.wise.hub.problem.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Registers {@link RequestBodyReadAhead} with every handler mapping, Camel's platform-http mapping
 * included (it picks up {@link MappedInterceptor} beans, not {@code WebMvcConfigurer} interceptors).
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyConfiguration {

    @Bean
    MappedInterceptor requestBodyReadAhead(ProblemWriter problems, WebProperties web) {
        return new MappedInterceptor(null, new RequestBodyReadAhead(problems, web.maxRequestSize().toBytes()));
    }
}
