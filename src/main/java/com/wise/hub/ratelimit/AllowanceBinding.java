package com.wise.hub.ratelimit;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

/**
 * Lets {@code hub.limits.*} values be written as a number (YAML gives an Integer), or as text from
 * an environment variable: a count, {@code 0} or {@code unlimited}. Classes, not lambdas: Spring
 * reads a converter's source and target types from its generic signature.
 */
@Configuration(proxyBeanMethods = false)
class AllowanceBinding {

    @Bean
    @ConfigurationPropertiesBinding
    static FromText allowanceFromText() {
        return new FromText();
    }

    @Bean
    @ConfigurationPropertiesBinding
    static FromNumber allowanceFromNumber() {
        return new FromNumber();
    }

    static final class FromText implements Converter<String, Allowance> {
        @Override
        public Allowance convert(String text) {
            return Allowance.parse(text);
        }
    }

    static final class FromNumber implements Converter<Number, Allowance> {
        @Override
        public Allowance convert(Number number) {
            return Allowance.of(number.longValue());
        }
    }
}
