package cn.kexie.capability.crash;

import cn.kexie.capability.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A node of the platform in a child JVM ({@link NodeMain}) on a database of the test's embedded
 * PostgreSQL server. Its standard output goes to {@code target/crash-nodes/<name>.log}; the lines
 * of {@link NodeMain}'s reports are kept for the test. {@link #kill()} is the honest kill -9.
 */
final class Node implements AutoCloseable {

    static final Path LOGS = Path.of("target", "crash-nodes");
    private static final Duration START = Duration.ofMinutes(Integer.getInteger("crash.node.start.minutes", 6));

    final String name;
    private final Process process;
    private final List<String> reports = new ArrayList<>();

    private Node(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(() -> read(log), "node-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a node on the named database; returns once it has said it is ready. */
    static Node start(String name, String database, String... arguments) throws IOException {
        Files.createDirectories(LOGS);
        // the test's own class path (surefire runs tests from a manifest-only jar naming it); each entry once
        String classpath = java.util.Arrays.stream(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")).split(java.io.File.pathSeparator)).distinct()
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx700m", "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8", "-cp", classpath, NodeMain.class.getName(),
                "--spring.datasource.url=" + TestDatabase.server().getJdbcUrl("postgres", database),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                // the child picks no test database of its own: it is a node on the parent's
                "--test.database.none=true",
                "--server.port=0", "--platform.demo-data=true", "--vaadin.launch-browser=false",
                "--logging.level.root=warn", "--logging.level.com.zaxxer.hikari=error",
                "--node.name=" + name));
        command.addAll(List.of(arguments));
        Path log = LOGS.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Node node = new Node(name, process, log);
        node.awaitReport(NodeMain.READY, START);
        return node;
    }

    private void read(Path log) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
            file.println("---- " + name + " started; surefire.test.class.path "
                    + (System.getProperty("surefire.test.class.path") == null ? "unset" : "set"));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                file.println(line);
                file.flush();
                if (line.matches("^[A-Z-]+( .*)?$")) {
                    synchronized (reports) {
                        reports.add(line);
                        reports.notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            // the node was killed
        }
        synchronized (reports) {
            reports.notifyAll();
        }
    }

    /** The reports that start with the word, without the word. */
    List<String> reports(String word) {
        synchronized (reports) {
            return reports.stream().filter(r -> r.equals(word) || r.startsWith(word + " "))
                    .map(r -> r.substring(word.length()).trim()).toList();
        }
    }

    /** Waits until the node has reported the word (or has died, which fails). */
    void awaitReport(String word, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (reports) {
            while (reports(word).isEmpty()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("node " + name + " ended before it reported " + word
                            + "; see " + LOGS.resolve(name + ".log"));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("node " + name + " did not report " + word + " in " + patience);
                }
                try {
                    reports.wait(Math.min(1000, left / 1_000_000 + 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Waits until the node has made this many reports of the word. */
    void awaitReports(String word, int count, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (reports) {
            while (reports(word).size() < count) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("node " + name + " made " + reports(word).size() + " of " + count
                            + " reports " + word + "; see " + LOGS.resolve(name + ".log"));
                }
                try {
                    reports.wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Writes a line to the node's standard input (its workload may listen, as {@link AimedSteps} does for RELEASE). */
    void tell(String line) throws IOException {
        var in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** kill -9: the JVM ends at once, without shutdown hooks, in whatever it was doing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** Polls a condition on the database until it holds; fails with {@code what} after the patience. */
    static void await(String what, Duration patience, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience + ": " + what);
            }
            Thread.sleep(200);
        }
    }
}
