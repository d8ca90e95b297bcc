package org.oko.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Pure: the signs of doubtful objectivity of one organization × subject, from its tally, its
 * region's and the country's. Every rule, threshold and source is in {@code docs/results.md}; the
 * texts here are what a coordinator reads.
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

  private static final String FIOKO =
      "Рособрнадзор/ФИОКО: признаки необъективности результатов ВПР (docs/results.md)";

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

  /** Whether any of the signs that are not «repeated» is raised (what «repeated» looks back at). */
  static boolean raisedWithoutHistory(Tally org, Tally region, Tally country, Subject subject) {
    return anyRaised(flags(org, region, country, subject, null));
  }

  // --- 1. results anomalously high against the region

  private static Flag high(Tally org, Tally rest, Subject subject) {
    String title = "Аномально высокие результаты относительно региона";
    String rule =
        "Средний первичный балл ОО выделяется среди средних баллов других ОО региона (z по ОО) и"
            + " доля высоких результатов (отметки «4» и «5», без шкалы — от 75 % максимума)"
            + " значимо выше, чем у остальных участников региона (z-критерий для доли)";
    String threshold =
        "z по ОО ≥ "
            + fmt(SCHOOL_Z)
            + " и z для доли ≥ "
            + fmt(Z_001)
            + " (односторонний p < 0,001), не меньше "
            + MIN_PARTICIPANTS
            + " участников, не меньше 5 других ОО в регионе";
    if (org.participants() < MIN_PARTICIPANTS || rest.schools() < 5) {
      return new Flag(
          FlagCode.HIGH_RESULTS, title, false, rule, threshold, tooFew(org, rest), FIOKO);
    }
    double mu = rest.schoolMeanSum() / rest.schools();
    double var = Math.max(rest.schoolMeanSqSum() / rest.schools() - mu * mu, 1e-9);
    double schoolZ = (org.meanScore() - mu) / Math.sqrt(var);
    double pOrg = highShare(org, subject);
    double pRest = highShare(rest, subject);
    double propZ = proportionZ(pOrg, pRest, org.participants());
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
    return new Flag(FlagCode.HIGH_RESULTS, title, raised, rule, threshold, value, FIOKO);
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
    String title = "Всплески распределения баллов на границах отметок";
    String rule =
        "На границах отметок «3», «4», «5» считаются участники ОО с баллом, ровно достаточным"
            + " для отметки (b), и с баллом на единицу меньше (b − 1): при объективной проверке"
            + " доля набравших b среди этих участников такая же, как по стране (биномиальный"
            + " критерий по всем границам вместе)";
    String threshold =
        "p < "
            + fmt(P_SPIKE)
            + " хотя бы на одной границе и не меньше "
            + MIN_SPIKE
            + " участников";
    if (subject.boundaries() == null) {
      return new Flag(
          FlagCode.BOUNDARY_SPIKES,
          title,
          false,
          rule,
          threshold,
          "шкала перевода в отметки не задана",
          FIOKO);
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
    double p = atBoundary + below == 0 ? 1 : upperTail(atBoundary, atBoundary + below, ref);
    boolean raised = atBoundary >= MIN_SPIKE && p < P_SPIKE;
    parts.add(
        String.format(
            Locale.ROOT,
            "всего на границах %d, на балл ниже %d; по стране доля на границе %.0f %%; p %s",
            atBoundary,
            below,
            100 * ref,
            p < 0.0001 ? "< 0,0001" : String.format(Locale.ROOT, "%.4f", p)));
    return new Flag(
        FlagCode.BOUNDARY_SPIKES, title, raised, rule, threshold, String.join("; ", parts), FIOKO);
  }

  // --- 3. hard tasks solved better than easy ones

  private static Flag difficulty(Tally org, Tally country, Subject subject) {
    String title = "Трудные задания выполнены лучше лёгких";
    String rule =
        "Задания делятся по выполнению в стране: треть самых трудных и треть самых лёгких;"
            + " признак — ОО выполнила трудные в среднем не хуже лёгких, тогда как по стране"
            + " лёгкие выполнены заметно лучше";
    String threshold =
        "выполнение трудных ≥ выполнения лёгких, разрыв по стране не меньше "
            + Math.round(100 * NATIONAL_GAP)
            + " п. п., не меньше "
            + MIN_PARTICIPANTS
            + " участников и 3 заданий";
    int n = subject.tasks();
    if (org.participants() < MIN_PARTICIPANTS || n < 3 || country.participants() == 0) {
      return new Flag(
          FlagCode.TASK_DIFFICULTY, title, false, rule, threshold, tooFew(org, null), FIOKO);
    }
    double[] national = success(country, subject);
    double[] own = success(org, subject);
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    java.util.Arrays.sort(order, Comparator.comparingDouble(t -> national[t]));
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
    return new Flag(FlagCode.TASK_DIFFICULTY, title, raised, rule, threshold, value, FIOKO);
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
    String title = "Группы участников с одинаковыми баллами по всем заданиям";
    String rule =
        "Участники, у которых совпадают баллы по каждому заданию (кроме работ на 0 и на максимум),"
            + " в группах от "
            + TallyRules.IDENTICAL_GROUP
            + " человек: при независимом выполнении такие совпадения редки";
    String threshold =
        "в таких группах не меньше "
            + Math.round(100 * IDENTICAL_SHARE)
            + " % участников и не меньше "
            + MIN_IDENTICAL
            + " человек";
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
    return new Flag(FlagCode.IDENTICAL_VECTORS, title, raised, rule, threshold, value, FIOKO);
  }

  // --- 5. ВПР grades against journal grades

  private static Flag journal(Tally org, Tally rest, Tally country) {
    String title = "Отметки за ВПР выше отметок по журналу";
    String rule =
        "Доля участников, чья отметка за ВПР выше отметки по журналу за предыдущий период"
            + " («повысили»), сравнивается с долей у остальных участников региона (z-критерий для"
            + " доли)";
    String threshold =
        "z ≥ "
            + fmt(Z_001)
            + " и разница не меньше "
            + Math.round(100 * JOURNAL_MARGIN)
            + " п. п., не меньше "
            + MIN_PARTICIPANTS
            + " участников с отметкой по журналу";
    int compared = org.journal()[0] + org.journal()[1] + org.journal()[2];
    if (compared < MIN_PARTICIPANTS) {
      return new Flag(
          FlagCode.JOURNAL_MISMATCH,
          title,
          false,
          rule,
          threshold,
          compared + " участников с отметкой по журналу",
          FIOKO);
    }
    Tally ref = comparedOf(rest) >= 30 ? rest : country;
    int refCompared = comparedOf(ref);
    double pOrg = (double) org.journal()[2] / compared;
    double pRef = refCompared == 0 ? 0 : (double) ref.journal()[2] / refCompared;
    double z = proportionZ(pOrg, pRef, compared);
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
    return new Flag(FlagCode.JOURNAL_MISMATCH, title, raised, rule, threshold, value, FIOKO);
  }

  private static int comparedOf(Tally t) {
    return t.journal()[0] + t.journal()[1] + t.journal()[2];
  }

  // --- 6. flagged in the previous campaign too

  private static Flag repeated(Boolean previous) {
    return new Flag(
        FlagCode.REPEATED,
        "Признаки были и в предыдущей кампании",
        Boolean.TRUE.equals(previous),
        "У ОО был хотя бы один из признаков 1–5 по этому же предмету в предыдущей кампании",
        "хотя бы один признак в предыдущей кампании",
        previous == null
            ? "в предыдущей кампании результатов по предмету нет"
            : previous ? "признаки были" : "признаков не было",
        FIOKO);
  }

  // --- statistics

  static double proportionZ(double p, double p0, int n) {
    if (n == 0) {
      return 0;
    }
    double p0c = Math.min(Math.max(p0, 0.5 / Math.max(n, 1)), 1 - 0.5 / Math.max(n, 1));
    return (p - p0c) / Math.sqrt(p0c * (1 - p0c) / n);
  }

  /** P(X ≥ k) for X ~ Binomial(n, p). */
  static double upperTail(int k, int n, double p) {
    if (k <= 0) {
      return 1;
    }
    if (p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return 1;
    }
    double sum = 0;
    double logP = Math.log(p);
    double logQ = Math.log(1 - p);
    for (int i = k; i <= n; i++) {
      sum += Math.exp(logChoose(n, i) + i * logP + (n - i) * logQ);
    }
    return Math.min(1, sum);
  }

  private static double logChoose(int n, int k) {
    double r = 0;
    for (int i = 1; i <= k; i++) {
      r += Math.log(n - k + i) - Math.log(i);
    }
    return r;
  }

  private static String tooFew(Tally org, Tally rest) {
    return "участников "
        + org.participants()
        + (rest == null ? "" : ", других ОО " + rest.schools());
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%s", d).replace('.', ',');
  }
}
