package org.sohbet.shared;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Sohbet as a separate operating-system process, started the way a user starts it: its own JVM, configuration only
 * through environment variables, stopped with SIGTERM.
 */
public final class ApplicationProcess implements AutoCloseable {

    private final Process process;
    private final Path output;
    private final int port;

    private ApplicationProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    public static ApplicationProcess start(Map<String, String> environment) throws IOException {
        int port = freePort();
        Path output = Files.createTempFile(Path.of("target"), "app-", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        // The application's classes and libraries only: not the test classes.
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        classpath,
                        "org.sohbet.SohbetApplication")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("SOHBET_"));
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().putAll(environment);
        return new ApplicationProcess(builder.start(), output, port);
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    /** Waits until the process exits by itself and returns its exit code. */
    public int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Sohbet did not exit within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** Waits until /actuator/health answers UP. */
    public void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Sohbet exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Sohbet was not healthy within " + timeout + ":\n" + output());
    }

    /** SIGTERM, as a service manager sends it, then waits for a clean exit. */
    public void stop() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Sohbet did not stop within 60 s:\n" + output());
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            stop();
        }
    }

    public static List<ProcessHandle> postgresProcessesOf(Path dataDirectory) {
        String marker = dataDirectory.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
