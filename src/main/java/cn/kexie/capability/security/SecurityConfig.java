package cn.kexie.capability.security;


import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.LinkedHashMap;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
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
                // Cockpit, Tasklist and Admin send their own content security policy (with frame-ancestors
                // 'none', camunda.bpm.webapp.header-security); the referrer policy is the platform's
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                path("/camunda/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                path("/camunda/**")))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain vaadin(HttpSecurity http, RequestUtil vaadinRequests) throws Exception {
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error",
                        "/api/public/**", "/api/working-days")
                .permitAll());
        // Vaadin's own requests carry Vaadin's token. Vaadin's configurer would also exempt the login form's
        // POST; here it is not: the form sends the token of the page's <meta name="_csrf"> (vaadin-login-form
        // does that by itself), so a page of another site cannot log a visitor in under its own account.
        // A login form without its token (a page left open past the session, or another site's form) is sent
        // back to a fresh login page that says so, never logged in; other refusals stay 403 as with Vaadin's.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest)
                .withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                    @Override
                    public <O extends CsrfFilter> O postProcess(O filter) {
                        var handlers = new LinkedHashMap<RequestMatcher, AccessDeniedHandler>();
                        handlers.put(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login"),
                                (request, response, denied) -> response.sendRedirect(request.getContextPath() + "/login?expired"));
                        filter.setAccessDeniedHandler(new RequestMatcherDelegatingAccessDeniedHandler(handlers,
                                new AccessDeniedHandlerImpl()));
                        return filter;
                    }
                }));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(PLATFORM_CSP))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frames -> frames.sameOrigin()));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .enableCsrfConfiguration(false)).build();
    }

    /**
     * The content security policy of the platform's pages (Vaadin, dev and production mode): Vaadin's
     * client needs inline scripts and eval (its bootstrap and executeJs) and inline styles (Lumo);
     * everything else comes from the platform itself. No other site may frame the pages.
     */
    static final String PLATFORM_CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");

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

    /** Control characters in the parameters and JSON bodies of Camunda's REST API and the webapps' API are refused. */
    @Bean
    FilterRegistrationBean<RequestTextFilter> requestTextFilter() {
        var registration = new FilterRegistrationBean<>(new RequestTextFilter());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
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
