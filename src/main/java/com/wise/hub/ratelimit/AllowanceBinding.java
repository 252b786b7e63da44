package com.wise.hub.ratelimit;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.converter.Converter;

/**
 * How {@code hub.limits.*} values become {@link Allowance}s: a number (YAML gives an Integer), or
 * text from an environment variable: a count, {@code 0} or {@code unlimited}. Classes, not
 * lambdas: Spring reads a converter's source and target types from its generic signature.
 */
final class AllowanceBinding {

    private AllowanceBinding() {
    }

    /** Boot's conversions plus the two that read an allowance; what {@link LimitProperties#bind} binds with. */
    static ApplicationConversionService conversionService() {
        ApplicationConversionService conversion = new ApplicationConversionService();
        conversion.addConverter(new FromText());
        conversion.addConverter(new FromNumber());
        return conversion;
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
