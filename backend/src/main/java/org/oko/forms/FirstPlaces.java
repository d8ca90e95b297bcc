package org.oko.forms;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each distinct value of a column was first seen (its row position and source row): what the
 * unique check names in its message and what the participant codes' check reports against. A
 * 200,000-row protocol holds 200,000 codes while it streams in, so they are kept compact: a value
 * of digits only (a participant code, a number) as a {@code long} in an open-addressing table of
 * two primitive arrays, anything else in a map. (As objects — a string, a map entry and a record
 * per code — they were copied by every young collection while the upload ran, issue 24.)
 */
final class FirstPlaces {

  /** A row position and a source row, packed; {@link #NONE} when the value is new. */
  static final long NONE = -1;

  /** Digits a {@code long} holds whatever they are. */
  private static final int MAX_DIGITS = 18;

  /** The values + 1 (0: an empty slot), and their places, at the same index. */
  private long[] keys = new long[64];

  private long[] places = new long[64];
  private int size;
  private final Map<String, Long> others = new HashMap<>();

  /** Receives a value and where it was first seen. */
  @FunctionalInterface
  interface Visitor {
    void place(String value, int position, int sourceRow);
  }

  /**
   * Remembers where {@code value} was first seen, unless it was seen before.
   *
   * @return the place it was first seen at ({@link #position}, {@link #sourceRow}), or {@link
   *     #NONE} when this is the first time
   */
  long putIfAbsent(String value, int position, int sourceRow) {
    long place = ((long) position << 32) | (sourceRow & 0xFFFFFFFFL);
    long number = asNumber(value);
    if (number < 0) {
      Long first = others.putIfAbsent(value, place);
      return first == null ? NONE : first;
    }
    int slot = slot(number + 1);
    if (keys[slot] != 0) {
      return places[slot];
    }
    keys[slot] = number + 1;
    places[slot] = place;
    if (++size * 2 > keys.length) {
      grow();
    }
    return NONE;
  }

  static int position(long place) {
    return (int) (place >>> 32);
  }

  static int sourceRow(long place) {
    return (int) place;
  }

  /** Every value with its first place, in no particular order. */
  void forEach(Visitor visitor) {
    others.forEach((value, place) -> visitor.place(value, position(place), sourceRow(place)));
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        visitor.place(Long.toString(keys[i] - 1), position(places[i]), sourceRow(places[i]));
      }
    }
  }

  /**
   * The value as a number when it is written the one way {@link Long#toString} would write it back
   * (digits, no leading zero), else -1: {@code "007"} stays a string.
   */
  private static long asNumber(String value) {
    int n = value.length();
    if (n == 0 || n > MAX_DIGITS || (value.charAt(0) == '0' && n > 1)) {
      return -1;
    }
    long number = 0;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }

  /** The slot holding {@code key}, or the empty one where it would go. */
  private int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldPlaces = places;
    keys = new long[oldKeys.length * 2];
    places = new long[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = slot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        places[slot] = oldPlaces[i];
      }
    }
  }
}
