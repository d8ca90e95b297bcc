package org.oko.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Pure: the signs of doubtful objectivity of one organization × subject, from its tally, its
 * region's and the country's. Every rule, threshold and source is in {@code docs/results.md}; the
 * texts a coordinator reads are {@link FlagCode}'s, the numbers behind each decision are here.
 */
final class ObjectivityRules {

  /** No sign is decided on fewer participants. */
  static final int MIN_PARTICIPANTS = 10;

  /** One-sided p = 0.001. */
  static final double Z_001 = 3.09;

  /** The school's mean against the spread of the region's schools' means. */
  static final double SCHOOL_Z = 3.0;

  static final double P_SPIKE = 0.001;
  static final int MIN_SPIKE = 5;
  static final double IDENTICAL_SHARE = 0.2;
  static final int MIN_IDENTICAL = 5;
  static final double JOURNAL_MARGIN = 0.15;
  static final double NATIONAL_GAP = 0.15;

  private ObjectivityRules() {}

  /**
   * @param previous whether the organization was flagged in the previous campaign of the subject,
   *     or null when it had no results there
   */
  static List<Flag> flags(
      Tally org, Tally region, Tally country, Subject subject, Boolean previous) {
    List<Flag> flags = new ArrayList<>();
    Tally rest = region.minus(org);
    flags.add(high(org, rest, subject));
    flags.add(spikes(org, country, subject));
    flags.add(difficulty(org, country, subject));
    flags.add(identical(org));
    flags.add(journal(org, rest, country));
    flags.add(repeated(previous));
    return flags;
  }

  static boolean anyRaised(List<Flag> flags) {
    return flags.stream().anyMatch(Flag::raised);
  }

  static List<FlagCode> raised(List<Flag> flags) {
    return flags.stream().filter(Flag::raised).map(Flag::code).toList();
  }

  // --- 1. results anomalously high against the region

  private static Flag high(Tally org, Tally rest, Subject subject) {
    if (org.participants() < MIN_PARTICIPANTS || rest.schools() < 5) {
      return FlagCode.HIGH_RESULTS.decided(false, tooFew(org, rest));
    }
    double mu = rest.schoolMeanSum() / rest.schools();
    double var = Math.max(rest.schoolMeanSqSum() / rest.schools() - mu * mu, 1e-9);
    double schoolZ = (org.meanScore() - mu) / Math.sqrt(var);
    double pOrg = highShare(org, subject);
    double pRest = highShare(rest, subject);
    double propZ = StatisticsRules.proportionZ(pOrg, pRest, org.participants());
    boolean raised = schoolZ >= SCHOOL_Z && propZ >= Z_001;
    String value =
        String.format(
            Locale.ROOT,
            "средний балл ОО %.1f, средний по ОО региона %.1f (σ %.1f), z по ОО %.2f; доля высоких"
                + " результатов %.0f %% против %.0f %% в регионе, z %.2f",
            org.meanScore(),
            mu,
            Math.sqrt(var),
            schoolZ,
            100 * pOrg,
            100 * pRest,
            propZ);
    return FlagCode.HIGH_RESULTS.decided(raised, value);
  }

  private static double highShare(Tally t, Subject subject) {
    if (t.participants() == 0) {
      return 0;
    }
    if (subject.boundaries() != null) {
      return (double) (t.gradeCount(4) + t.gradeCount(5)) / t.participants();
    }
    int from = (int) Math.ceil(0.75 * subject.maxScore());
    int high = 0;
    for (int s = from; s < t.histogram().length; s++) {
      high += t.histogram()[s];
    }
    return (double) high / t.participants();
  }

  // --- 2. spikes just above grade boundaries

  private static Flag spikes(Tally org, Tally country, Subject subject) {
    if (subject.boundaries() == null) {
      return FlagCode.BOUNDARY_SPIKES.decided(false, "шкала перевода в отметки не задана");
    }
    List<String> parts = new ArrayList<>();
    int[] h = org.histogram();
    int[] c = country.histogram();
    int grade = 3;
    int atBoundary = 0;
    int below = 0;
    long countryAt = 0;
    long countryBelow = 0;
    for (int b : subject.boundaries()) {
      if (b >= 1 && b < h.length && b < c.length) {
        atBoundary += h[b];
        below += h[b - 1];
        countryAt += c[b];
        countryBelow += c[b - 1];
        parts.add(
            String.format(
                Locale.ROOT,
                "«%d» (от %d): %d с баллом %d и %d с баллом %d",
                grade,
                b,
                h[b],
                b,
                h[b - 1],
                b - 1));
      }
      grade++;
    }
    double ref =
        countryAt + countryBelow == 0 ? 0.5 : (double) countryAt / (countryAt + countryBelow);
    double p =
        atBoundary + below == 0
            ? 1
            : StatisticsRules.upperTail(atBoundary, atBoundary + below, ref);
    boolean raised = atBoundary >= MIN_SPIKE && p < P_SPIKE;
    parts.add(
        String.format(
            Locale.ROOT,
            "всего на границах %d, на балл ниже %d; по стране доля на границе %.0f %%; p %s",
            atBoundary,
            below,
            100 * ref,
            p < 0.0001 ? "< 0,0001" : String.format(Locale.ROOT, "%.4f", p)));
    return FlagCode.BOUNDARY_SPIKES.decided(raised, String.join("; ", parts));
  }

  // --- 3. hard tasks solved better than easy ones

  private static Flag difficulty(Tally org, Tally country, Subject subject) {
    int n = subject.tasks();
    if (org.participants() < MIN_PARTICIPANTS || n < 3 || country.participants() == 0) {
      return FlagCode.TASK_DIFFICULTY.decided(false, tooFew(org, null));
    }
    double[] national = success(country, subject);
    double[] own = success(org, subject);
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(t -> national[t]));
    int third = Math.max(1, n / 3);
    double hardOrg = 0, easyOrg = 0, hardNat = 0, easyNat = 0;
    for (int i = 0; i < third; i++) {
      hardOrg += own[order[i]];
      hardNat += national[order[i]];
      easyOrg += own[order[n - 1 - i]];
      easyNat += national[order[n - 1 - i]];
    }
    hardOrg /= third;
    easyOrg /= third;
    hardNat /= third;
    easyNat /= third;
    boolean raised = easyNat - hardNat >= NATIONAL_GAP && hardOrg >= easyOrg;
    String value =
        String.format(
            Locale.ROOT,
            "ОО: трудные %.0f %%, лёгкие %.0f %%; страна: трудные %.0f %%, лёгкие %.0f %%",
            100 * hardOrg,
            100 * easyOrg,
            100 * hardNat,
            100 * easyNat);
    return FlagCode.TASK_DIFFICULTY.decided(raised, value);
  }

  static double[] success(Tally t, Subject subject) {
    double[] out = new double[subject.tasks()];
    for (int i = 0; i < out.length && i < t.taskSums().length; i++) {
      out[i] =
          t.participants() == 0
              ? 0
              : (double) t.taskSums()[i] / ((double) t.participants() * subject.taskMax()[i]);
    }
    return out;
  }

  // --- 4. identical task-score vectors

  private static Flag identical(Tally org) {
    boolean raised =
        org.participants() >= MIN_PARTICIPANTS
            && org.identicalCount() >= MIN_IDENTICAL
            && org.identicalCount() >= IDENTICAL_SHARE * org.participants();
    String value =
        String.format(
            Locale.ROOT,
            "в группах совпадающих работ %d из %d участников, самая большая группа — %d",
            org.identicalCount(),
            org.participants(),
            org.identicalMax());
    return FlagCode.IDENTICAL_VECTORS.decided(raised, value);
  }

  // --- 5. ВПР grades against journal grades

  private static Flag journal(Tally org, Tally rest, Tally country) {
    int compared = comparedOf(org);
    if (compared < MIN_PARTICIPANTS) {
      return FlagCode.JOURNAL_MISMATCH.decided(
          false, compared + " участников с отметкой по журналу");
    }
    Tally ref = comparedOf(rest) >= 30 ? rest : country;
    int refCompared = comparedOf(ref);
    double pOrg = (double) org.journal()[2] / compared;
    double pRef = refCompared == 0 ? 0 : (double) ref.journal()[2] / refCompared;
    double z = StatisticsRules.proportionZ(pOrg, pRef, compared);
    boolean raised = z >= Z_001 && pOrg - pRef >= JOURNAL_MARGIN;
    String value =
        String.format(
            Locale.ROOT,
            "повысили %d из %d (%.0f %%), понизили %d, подтвердили %d; в регионе повысили %.0f %%,"
                + " z %.2f",
            org.journal()[2],
            compared,
            100 * pOrg,
            org.journal()[0],
            org.journal()[1],
            100 * pRef,
            z);
    return FlagCode.JOURNAL_MISMATCH.decided(raised, value);
  }

  private static int comparedOf(Tally t) {
    return t.journal()[0] + t.journal()[1] + t.journal()[2];
  }

  // --- 6. flagged in the previous campaign too

  private static Flag repeated(Boolean previous) {
    return FlagCode.REPEATED.decided(
        Boolean.TRUE.equals(previous),
        previous == null
            ? "в предыдущей кампании результатов по предмету нет"
            : previous ? "признаки были" : "признаков не было");
  }

  private static String tooFew(Tally org, Tally rest) {
    return "участников "
        + org.participants()
        + (rest == null ? "" : ", других ОО " + rest.schools());
  }
}
