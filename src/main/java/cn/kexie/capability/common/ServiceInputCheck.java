package cn.kexie.capability.common;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Service;

/**
 * The one server-side check of what people type, whichever view, form or endpoint sends it: before
 * any method of the platform's {@code @Service} beans runs (and before its transaction opens), every
 * text among its arguments, in records, form beans, lists and maps included, is checked with
 * {@link InputHygiene}; a text with a control character is refused with a {@link UserError} naming
 * the field, so nothing is stored and no database refuses it with an error of its own.
 *
 * <p>Plain Spring AOP: an advisor of the infrastructure role, applied by the auto-proxy creator that
 * {@code @Transactional} already uses, so no AspectJ weaver is needed.
 */
@Configuration(proxyBeanMethods = false)
class ServiceInputCheck {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor serviceInputAdvisor() {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new PlatformServices(), new Check());
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    /** The methods of the platform's services that take arguments. */
    static final class PlatformServices extends StaticMethodMatcherPointcut {

        PlatformServices() {
            setClassFilter(type -> type.getName().startsWith(InputHygiene.PACKAGE)
                    && AnnotatedElementUtils.hasAnnotation(type, Service.class));
        }

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            return method.getParameterCount() > 0 && !Modifier.isStatic(method.getModifiers())
                    && !Modifier.isPrivate(method.getModifiers())
                    && method.getDeclaringClass().getName().startsWith(InputHygiene.PACKAGE);
        }
    }

    static final class Check implements MethodInterceptor {

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            Method method = invocation.getMethod();
            String[] names = Arrays.stream(method.getParameters()).map(Parameter::getName).toArray(String[]::new);
            List<UserError.Problem> problems = InputHygiene.problems(feature(method.getDeclaringClass()), names,
                    invocation.getArguments());
            UserError.throwIfAny(problems);
            return invocation.proceed();
        }

        /** The feature a service belongs to: the last part of its package ({@code review}). */
        static String feature(Class<?> type) {
            String name = type.getPackageName();
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }
}
