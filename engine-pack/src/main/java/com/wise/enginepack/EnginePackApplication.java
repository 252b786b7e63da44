package com.wise.enginepack;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The local engine pack: Debian's CPU engines behind the production engines' HTTP contracts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EnginePackApplication {

    public static void main(String[] args) {
        SpringApplication.run(EnginePackApplication.class, args);
    }
}
