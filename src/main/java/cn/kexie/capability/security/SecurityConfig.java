package cn.kexie.capability.security;


import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains over one identity: Camunda REST (basic authentication, no session), the
 * Camunda webapps (the session of the platform's login), and the Vaadin UI with its login view.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    static final String REALM = "capability-platform";

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/engine-rest/**"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName(REALM))
                // REST is for administrators (Camunda Modeler's deploy) and integrations; everyone else
                // works in the platform, whose steps check roles and rules. identity/verify would answer
                // "right or wrong" for any account outside the login's lock-out: closed.
                .authorizeHttpRequests(a -> a
                        .requestMatchers(path("/engine-rest/identity/verify")).denyAll()
                        .anyRequest().hasRole(Roles.ADMIN))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/camunda/**"))
                // the webapps carry their own CSRF protection
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(a -> a
                        .requestMatchers(path("/camunda/api/engine/*/*/identity/verify")).denyAll()
                        // the webapps' own login would check any account's password outside the lock-out:
                        // everyone comes in through the platform's login instead
                        .requestMatchers(path("/camunda/api/admin/auth/user/*/login/**")).denyAll()
                        .requestMatchers(path("/camunda/api/admin/auth/**")).authenticated()
                        .requestMatchers(path("/camunda/app/admin/**"), path("/camunda/api/admin/**")).hasRole(Roles.ADMIN)
                        .requestMatchers(path("/camunda/app/cockpit/**"), path("/camunda/api/cockpit/**"))
                        .hasAnyRole(Roles.PROGRAMME_OFFICE, Roles.MANAGER, Roles.ADMIN)
                        .requestMatchers(path("/camunda/app/**"), path("/camunda/api/**")).hasAnyRole(Roles.STAFF)
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                path("/camunda/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                path("/camunda/**")))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain vaadin(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error",
                        "/api/public/**", "/api/working-days")
                .permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    /** Matches the whole path, whichever servlet serves it (Camunda's REST and webapps are not Spring MVC). */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /** Cockpit, Tasklist and Admin open as the user already logged in to the platform. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** REST calls run as the authenticated user, so the engine's operation log names who did what. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
