package cn.kexie.capability.common;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.stereotype.Component;

/**
 * The process engine is built under the {@link StartupLock}: its configuration and factory beans
 * depend on the lock, which itself comes after the database migrations.
 */
@Component
class EngineAfterStartupLock implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Set<String> engineBeans = new LinkedHashSet<>();
        for (String name : beanFactory.getBeanNamesForType(ProcessEngineConfigurationImpl.class, true, false)) {
            engineBeans.add(name);
        }
        for (String name : beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)) {
            engineBeans.add(BeanFactoryUtils.transformedBeanName(name));
        }
        String[] lock = beanFactory.getBeanNamesForType(StartupLock.class, true, false);
        for (String name : engineBeans) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            Set<String> dependsOn = new LinkedHashSet<>();
            if (definition.getDependsOn() != null) {
                dependsOn.addAll(Set.of(definition.getDependsOn()));
            }
            dependsOn.addAll(Set.of(lock));
            definition.setDependsOn(dependsOn.toArray(String[]::new));
        }
    }
}
