package org.oko.platform.web.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the server process holds, read from outside as an operator would: heap in use after a full
 * collection and the class histogram (jcmd), native memory outside the heap where Netty keeps its
 * direct buffers (NMT's "Other", if the server runs with {@code -XX:NativeMemoryTracking}), RSS and
 * open file descriptors ({@code /proc}), and the bytes the kernel still queues on the server's
 * sockets ({@code ss}).
 */
final class ServerProbe {

  private static final Pattern USED = Pattern.compile("used (\\d+)K");
  private static final Pattern OTHER =
      Pattern.compile("Other \\(reserved=\\d+KB, committed=(\\d+)KB\\)");
  private static final Pattern HISTOGRAM_LINE =
      Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

  /** Memory and handles of the server at one moment (KiB, except the counts). */
  record Reading(long heapKiB, long directKiB, long rssKiB, int openFiles) {}

  /** One class's growth between two histograms. */
  record Growth(String className, long instances, long bytes) {}

  private final long pid;
  private final int port;

  ServerProbe(long pid, int port) {
    this.pid = pid;
    this.port = port;
  }

  /** Heap after two full collections, native "Other" memory, RSS and open files. */
  Reading read() throws Exception {
    return new Reading(heapAfterGc(), directKiB(), rssKiB(), openFiles());
  }

  long heapAfterGc() throws Exception {
    jcmd("GC.run");
    Thread.sleep(500);
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher m = USED.matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("no heap figure in: " + info);
    }
    return Long.parseLong(m.group(1));
  }

  /** Committed NMT "Other" (direct byte buffers), or -1 when tracking is off. */
  long directKiB() throws Exception {
    Matcher m = OTHER.matcher(jcmd("VM.native_memory", "summary"));
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  long rssKiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  int openFiles() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return (int) fds.count();
    }
  }

  /** Instances and bytes per class, live objects only (the histogram collects first). */
  Map<String, long[]> histogram() throws Exception {
    Map<String, long[]> classes = new HashMap<>();
    for (String line : jcmd("GC.class_histogram").split("\n")) {
      Matcher m = HISTOGRAM_LINE.matcher(line);
      if (m.find()) {
        classes.put(
            m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
      }
    }
    return classes;
  }

  /** The classes that grew most in bytes from {@code before} to {@code after}. */
  static List<Growth> grown(Map<String, long[]> before, Map<String, long[]> after, int top) {
    List<Growth> grown = new ArrayList<>();
    after.forEach(
        (name, now) -> {
          long[] then = before.getOrDefault(name, new long[2]);
          grown.add(new Growth(name, now[0] - then[0], now[1] - then[1]));
        });
    grown.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
    return grown.subList(0, Math.min(top, grown.size()));
  }

  /**
   * Established connections to the server's port seen from the server's side, and the bytes its
   * kernel holds in their send queues (written by the JVM, not yet taken by the clients).
   */
  long[] serverSocketQueues() throws Exception {
    return queues("sport = :" + port, 1);
  }

  /** The same from the clients' side: bytes arrived but never read by the clients. */
  long[] clientSocketQueues() throws Exception {
    return queues("dport = :" + port, 0);
  }

  private static long[] queues(String filter, int column) throws Exception {
    long connections = 0;
    long bytes = 0;
    for (String line :
        run("ss", "-tnH", "state", "established", "( " + filter + " )").split("\n")) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length >= 4) {
        connections++;
        bytes += Long.parseLong(fields[column]);
      }
    }
    return new long[] {connections, bytes};
  }

  private String jcmd(String... command) throws Exception {
    String[] full = new String[command.length + 2];
    full[0] = "jcmd";
    full[1] = Long.toString(pid);
    System.arraycopy(command, 0, full, 2, command.length);
    return run(full);
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuilder out = new StringBuilder();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.append(line).append('\n');
      }
    }
    p.waitFor(60, TimeUnit.SECONDS);
    return out.toString();
  }
}
