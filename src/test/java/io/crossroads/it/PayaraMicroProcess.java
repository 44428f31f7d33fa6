package io.crossroads.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/** One Payara Micro process running the WAR the way the README's run command does. */
final class PayaraMicroProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private PayaraMicroProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Starts the WAR at the root context on {@code port}, with these system properties. */
  static PayaraMicroProcess start(Path work, int port, String name, Map<String, String> properties)
      throws IOException {
    Files.createDirectories(work);
    Path log = work.resolve(name + ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Djava.io.tmpdir=" + work));
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(
        List.of(
            "-jar",
            System.getProperty("payara.microJar"),
            "--deploy",
            System.getProperty("crossroads.it.war"),
            "--contextroot",
            "/",
            "--port",
            Integer.toString(port),
            "--nocluster"));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new PayaraMicroProcess(process, log);
  }

  /** Waits until the application reports ready; fails at once if the process exits. */
  void awaitReady(Api api, Duration timeout) throws IOException {
    try {
      await("Payara Micro ready")
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> ready(api));
    } catch (ConditionTimeoutException notReady) {
      throw new IllegalStateException(
          "Payara Micro was not ready within " + timeout + ":\n" + log());
    }
  }

  private boolean ready(Api api) throws IOException {
    if (!process.isAlive()) {
      throw new IllegalStateException("Payara Micro exited:\n" + log());
    }
    try {
      return api.get(null, "health/ready").status() == 200;
    } catch (UncheckedIOException notListeningYet) {
      return false;
    }
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  /**
   * The process id of Payara Micro's JVM: the command line starts {@code java} itself, with no
   * shell in between, so this is the server, and the id its claims carry ({@code <pid>@<host>}).
   */
  long pid() {
    return process.pid();
  }

  /**
   * Kills the server as a node failure or the kernel's out-of-memory killer would: SIGKILL to its
   * JVM (and to anything it started), so no shutdown hook runs and no open transaction ends
   * cleanly. Returns the exit status once the JVM is gone: 137 (128 + SIGKILL) on Linux.
   */
  int kill() throws InterruptedException {
    List<ProcessHandle> started = process.descendants().toList();
    process.destroyForcibly();
    started.forEach(ProcessHandle::destroyForcibly);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("Payara Micro " + pid() + " outlived SIGKILL");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
