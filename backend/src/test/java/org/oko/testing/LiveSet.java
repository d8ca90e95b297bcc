package org.oko.testing;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.OptionalLong;

/**
 * What a benchmark's server really holds: the heap in use right after a full collection. A
 * collection asked for can be held off — while a thread is in a JNI critical section, as {@code
 * java.util.zip}'s deflater is for every chunk of an {@code .xlsx} — and the heap in use then still
 * counts the garbage: a 200 000-row {@code .xlsx} export seemed to hold +209 MB where the heap
 * after collections that did run stayed within a few MB of where it started (session 10). So a
 * sample counts only when a full collection ran for it.
 */
public final class LiveSet {

  private LiveSet() {}

  /** The heap in use after a full collection, or empty when the collection did not run. */
  public static OptionalLong sample() {
    long before = fullCollections();
    System.gc();
    if (fullCollections() == before) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  /** How many full collections have run (G1's "Old Generation"; Parallel's and Serial's too). */
  private static long fullCollections() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      String name = gc.getName();
      if (name.contains("Old") || name.contains("MarkSweep")) {
        n += gc.getCollectionCount();
      }
    }
    return n;
  }
}
