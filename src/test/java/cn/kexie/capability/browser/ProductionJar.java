package cn.kexie.capability.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.springframework.core.env.Environment;

/**
 * The packaged jar ({@code java -jar}, the UI in Vaadin's production mode with its production
 * bundle) as the web node the browser journeys go to, when {@code -Dbrowser.jar=…} names it (the
 * production profile's {@code browser-journeys} execution does, after {@code package}). It runs on
 * the test's own PostgreSQL database, beside the test's application context, which prepares and
 * checks each journey's data through the services: two nodes of one cluster. Its job executor is
 * off, as the test context's is: the journeys run the jobs they need themselves. Started once per
 * test JVM, stopped when the JVM ends; its output goes to {@code target/browser-jar.log}.
 */
final class ProductionJar {

    private static final Duration START = Duration.ofMinutes(Integer.getInteger("browser.jar.start.minutes", 5));
    private static Process process;
    private static int port;

    private ProductionJar() {
    }

    /** The jar's port once it is up, or empty when the journeys go to the test's own server (dev mode). */
    static synchronized OptionalInt port(Environment testContext) {
        String jar = System.getProperty("browser.jar", "");
        if (jar.isBlank()) {
            return OptionalInt.empty();
        }
        if (process == null) {
            start(Path.of(jar), testContext);
        }
        return OptionalInt.of(port);
    }

    /**
     * Stops the jar and waits for it, while the test's database still runs (the test context and its
     * embedded PostgreSQL server stop only when the JVM ends).
     */
    static synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    private static void start(Path jar, Environment testContext) {
        String url = testContext.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("the production jar shares the test's database: run with -Dtest.database=postgres, not " + url);
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged jar at " + jar + ": build it with ./mvnw -Pproduction package");
        }
        // the production build leaves out Vaadin's development server: a jar holding it is the plain package's
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            if (zip.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/lib/vaadin-dev-server"))
                    || zip.getEntry("META-INF/VAADIN/config/flow-build-info.json") == null) {
                throw new IllegalStateException(jar + " is not the production build (./mvnw -Pproduction package)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx700m", "-Dfile.encoding=UTF-8",
                "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + testContext.getProperty("spring.datasource.username", "postgres"),
                "--spring.datasource.password=" + testContext.getProperty("spring.datasource.password", "postgres"),
                "--platform.demo-data=true", "--platform.demo-work-records=false",
                "--camunda.bpm.job-execution.enabled=false", "--notification.schedule.enabled=false",
                "--vaadin.launch-browser=false", "--logging.level.root=warn"));
        Path log = Path.of("target", "browser-jar.log");
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
        long deadline = System.nanoTime() + START.toNanos();
        while (!up()) {
            if (!started.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the production jar did not come up within " + START + "; see " + log);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Whether the jar answers its health address. */
    private static boolean up() {
        try {
            HttpURLConnection health = (HttpURLConnection) URI.create("http://localhost:" + port + "/actuator/health").toURL().openConnection();
            health.setConnectTimeout(1000);
            health.setReadTimeout(5000);
            return health.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }
}
