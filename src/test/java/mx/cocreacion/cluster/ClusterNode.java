package mx.cocreacion.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mx.cocreacion.support.Http;

/**
 * One node of the test cluster: a separate JVM running {@code mx.cocreacion.CocreacionApplication}
 * (the application's own classpath, without the test classes, so it is the production application),
 * configured by environment variables like a docker-compose node. Output goes to
 * {@code target/cluster/<name>.log}. {@link #kill()} is a hard stop (SIGKILL): no shutdown hook,
 * no transaction commits, locks stay in the database.
 */
final class ClusterNode implements AutoCloseable {

  final String name;
  final int port;
  final Path log;
  /** HTTP to this node (requests with {@link #url}, so they go to 127.0.0.1). */
  final Http http;
  private final Process process;

  private ClusterNode(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.http = new Http(port);
    this.process = process;
  }

  static ClusterNode start(String name, Map<String, String> environment, List<String> arguments) throws IOException {
    int port = freePort();
    Path log = Path.of("target", "cluster", name + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC",
        "-cp", applicationClasspath(),
        "mx.cocreacion.CocreacionApplication"));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    builder.environment().put("PORT", Integer.toString(port));
    return new ClusterNode(name, port, log, builder.start());
  }

  /** The test JVM's classpath minus the test classes (surefire passes it as a system property). */
  static String applicationClasspath() {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !entry.replace('\\', '/').endsWith("/test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The node answers HTTP (public microsite: engine, database and web layer are up). */
  boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException("El nodo " + name + " terminó al arrancar (código " + process.exitValue()
          + "); véase " + log.toAbsolutePath() + ":\n" + tail());
    }
    try {
      return http.send(http.request(url("/micrositio")).timeout(Duration.ofSeconds(5))).status() == 200;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** Hard stop: SIGKILL, as a crashed machine or an OOM kill. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(sin registro: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
