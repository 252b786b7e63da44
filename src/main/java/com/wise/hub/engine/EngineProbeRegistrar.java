package com.wise.hub.engine;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Registers one {@link EngineProbe} bean per engine declared under {@code hub.engines}, so each engine
 * appears by id in {@code /health/ready} and in {@code hub_dependency_up}. Bean definitions must be
 * registered before the properties beans exist, so the engine ids are read here with a {@link Binder}.
 */
@Component
class EngineProbeRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        EngineProperties engines = EngineProperties.bind(environment);
        for (EngineSettings engine : engines.settings()) {
            AbstractBeanDefinition probe = BeanDefinitionBuilder.genericBeanDefinition(EngineProbe.class)
                    .addConstructorArgValue(engine.id())
                    .setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR)
                    .getBeanDefinition();
            registry.registerBeanDefinition("engineProbe-" + engine.id(), probe);
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    }
}
