package org.oko.results;

/** Integer arrays to and from the results' {@code integer[]} columns. */
final class IntArrays {

  private IntArrays() {}

  static Integer[] box(int[] a) {
    Integer[] out = new Integer[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return out;
  }

  static int[] unbox(Integer[] a) {
    if (a == null) {
      return new int[0];
    }
    int[] out = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] == null ? 0 : a[i];
    }
    return out;
  }

  static String pgArray(int[] a) {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < a.length; i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append(a[i]);
    }
    return s.append('}').toString();
  }
}
