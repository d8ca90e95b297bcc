package org.oko.platform.web;

/**
 * The form of a noun after a number, as Russian counts: 1 страница, 2 страницы, 5 (11, 12) страниц.
 */
public final class RussianPlural {

  private RussianPlural() {}

  /**
   * {@code one} after 1, 21, 31… (not 11); {@code few} after 2–4, 22–24… (not 12–14); {@code many}
   * otherwise.
   */
  public static String of(long n, String one, String few, String many) {
    long mod10 = Math.abs(n % 10);
    long mod100 = Math.abs(n % 100);
    if (mod10 == 1 && mod100 != 11) {
      return one;
    }
    if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
      return few;
    }
    return many;
  }
}
