package cn.kexie.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Benchmark item 5's bare side (issue 13): a Spring Boot application with no code of its own,
 * started from the production jar's libraries (Spring Boot's {@code PropertiesLauncher} with this
 * class on {@code loader.path}), so that it has the platform's starters and nothing else: Camunda's
 * engine, webapps and REST, Vaadin, Spring Security, JDBC, auto-configured as they come. It lies
 * outside {@code cn.kexie.capability}, so that it scans none of the platform's beans and no test
 * finds it as its configuration.
 */
@SpringBootApplication
public class BareCamundaApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaApplication.class, args);
    }
}
