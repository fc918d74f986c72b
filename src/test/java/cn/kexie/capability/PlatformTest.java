package cn.kexie.capability;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real servlet container and a database of its own (H2, or PostgreSQL
 * when {@code -Dtest.database=postgres}), with demo data and without the job executor (tests run
 * jobs themselves). Every test class with this annotation shares one cached context, so tests use
 * their own keys and never assume empty tables.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestSteps.class, StatementCounter.class})
public @interface PlatformTest {
}
