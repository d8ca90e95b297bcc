package org.oko.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostgreSQL, a Kafka broker and OKO instances, each its own process, driven through {@code
 * backend/bench/cluster.sh} — the script an operator uses — on free ports, in {@code
 * target/cluster-it}.
 */
final class Cluster implements AutoCloseable {

  private final Path script;
  private final Path dir;
  private final Path postgresDir;
  private final Map<String, String> env;
  private final List<Instance> instances = new ArrayList<>();
  final int postgresPort;
  final int kafkaPort;

  private Cluster(Path backend, int instanceCount) throws IOException, InterruptedException {
    this.script = backend.resolve("bench/cluster.sh");
    this.dir = backend.resolve("target/cluster-it");
    // A run that was stopped short may have left the blob directory's tmpfs mounted.
    unmountQuietly(dir.resolve("blobs"));
    deleteRecursively(dir);
    // As root, PostgreSQL runs as nobody, who cannot reach into a checkout under a private home:
    // its binaries and data go to a directory of their own under the system's temporary one.
    this.postgresDir =
        Files.createTempDirectory(
            "oko-cluster-pg",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    int http = freePortRun(instanceCount);
    this.postgresPort = freePort();
    this.kafkaPort = freePortRun(2);
    String classpath = System.getProperty("oko.runtime.classpath", "");
    if (classpath.isBlank()) {
      throw new IllegalStateException(
          "oko.runtime.classpath is not set: run ClusterIT through Maven (failsafe)");
    }
    this.env =
        Map.ofEntries(
            Map.entry("CLUSTER_DIR", dir.toString()),
            Map.entry("PG_DIR", postgresDir.toString()),
            Map.entry("INSTANCES", Integer.toString(instanceCount)),
            Map.entry("HTTP_PORT", Integer.toString(http)),
            Map.entry("PG_PORT", Integer.toString(postgresPort)),
            Map.entry("KAFKA_PORT", Integer.toString(kafkaPort)),
            Map.entry("CONTROLLER_PORT", Integer.toString(kafkaPort + 1)),
            Map.entry("JAR", backend.resolve("target/oko.jar").toString()),
            Map.entry("OKO_CLASSPATH", classpath),
            Map.entry("HEAP", "384m"),
            // A small file system of its own, so that a test can fill it (root only).
            Map.entry("BLOB_LIMIT", "64m"),
            // C1 only: instances start sooner on two cores; nothing here measures speed.
            Map.entry("SERVER_JAVA_OPTS", "-XX:TieredStopAtLevel=1"));
    for (int i = 1; i <= instanceCount; i++) {
      instances.add(new Instance(i, http + i - 1));
    }
  }

  /** Starts everything and waits until every instance takes traffic. */
  static Cluster up(int instanceCount) throws IOException, InterruptedException {
    Cluster cluster = new Cluster(Path.of("").toAbsolutePath(), instanceCount);
    cluster.run("up");
    return cluster;
  }

  Instance instance(int number) {
    return instances.get(number - 1);
  }

  /** {@code kill -9} of an instance: no shutdown hook, no graceful anything. */
  void kill(Instance instance) throws IOException, InterruptedException {
    run("kill", Integer.toString(instance.number()));
  }

  void start(Instance instance) throws IOException, InterruptedException {
    run("start", Integer.toString(instance.number()));
  }

  /** PostgreSQL's fast shutdown (sessions cut, transactions rolled back), then a start. */
  void restartPostgres() throws IOException, InterruptedException {
    run("restart-postgres");
  }

  /** The blob directory every instance shares. */
  Path blobs() {
    return dir.resolve("blobs");
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgresPort + "/oko";
  }

  String kafkaBootstrap() {
    return "localhost:" + kafkaPort;
  }

  Path log(Instance instance) {
    return dir.resolve("logs/oko-" + instance.number() + ".log");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      run("down");
    } finally {
      deleteRecursively(postgresDir);
    }
  }

  private void run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("cluster.sh " + String.join(" ", args) + " timed out");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "cluster.sh " + String.join(" ", args) + " failed: " + process.exitValue());
    }
  }

  private static void unmountQuietly(Path path) throws InterruptedException {
    try {
      new ProcessBuilder("umount", path.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(30, TimeUnit.SECONDS);
    } catch (IOException nothingMounted) {
      // nothing to do
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The first of {@code count} consecutive ports that are free now. */
  private static int freePortRun(int count) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int first = freePort();
      boolean free = true;
      for (int p = first + 1; p < first + count && free; p++) {
        try (ServerSocket ignored = new ServerSocket(p)) {
          // free
        } catch (IOException taken) {
          free = false;
        }
      }
      if (free) {
        return first;
      }
    }
    throw new IllegalStateException("no run of " + count + " free ports");
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
