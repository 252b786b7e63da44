package com.wise.hub.triton;

import com.wise.hub.health.DependencyProbe;
import com.wise.hub.health.ProbeResult;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Registers one {@link TritonProbe} per target in {@code INFERENCE_GPU_URL}, so each target is its own
 * line in {@code /health/ready} (as {@code EngineProbeRegistrar} does for the HTTP engines); with no
 * target, one {@code triton} probe that reports NOT_CONFIGURED. Bean definitions must be registered
 * before the properties beans exist, so the targets are read here with a {@link Binder}.
 */
@Component
class TritonProbeRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        List<String> entries = Binder.get(environment)
                .bind("hub.triton.targets", Bindable.listOf(String.class)).orElse(List.of())
                .stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<TritonTarget> targets = TritonTarget.parse(entries);
        if (targets.isEmpty()) {
            registry.registerBeanDefinition("tritonProbe", new RootBeanDefinition(NotConfigured.class));
            return;
        }
        for (TritonTarget target : targets) {
            RootBeanDefinition definition = new RootBeanDefinition(TritonProbe.class);
            ConstructorArgumentValues arguments = new ConstructorArgumentValues();
            arguments.addIndexedArgumentValue(0, target);
            definition.setConstructorArgumentValues(arguments);
            definition.setAutowireMode(RootBeanDefinition.AUTOWIRE_CONSTRUCTOR);
            definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
            registry.registerBeanDefinition("tritonProbe-" + target.id(), definition);
        }
    }

    /** The readiness line when INFERENCE_GPU_URL is unset. */
    static final class NotConfigured implements DependencyProbe {

        @Override
        public String name() {
            return TritonEngines.UNCONFIGURED_ID;
        }

        @Override
        public ProbeResult probe() {
            return ProbeResult.notConfigured(TritonEngines.URL_ENV + " is not set; pronunciation answers 503");
        }
    }
}
