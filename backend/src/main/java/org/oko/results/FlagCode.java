package org.oko.results;

import static org.oko.results.ObjectivityRules.IDENTICAL_SHARE;
import static org.oko.results.ObjectivityRules.JOURNAL_MARGIN;
import static org.oko.results.ObjectivityRules.MIN_IDENTICAL;
import static org.oko.results.ObjectivityRules.MIN_PARTICIPANTS;
import static org.oko.results.ObjectivityRules.MIN_SPIKE;
import static org.oko.results.ObjectivityRules.NATIONAL_GAP;
import static org.oko.results.ObjectivityRules.P_SPIKE;
import static org.oko.results.ObjectivityRules.SCHOOL_Z;
import static org.oko.results.ObjectivityRules.Z_001;

import java.util.Locale;

/**
 * The signs of doubtful objectivity with what a coordinator reads of each: its title, rule and
 * threshold ({@code docs/results.md} says where each comes from). {@link ObjectivityRules} decides
 * them; a stored sign keeps only its code, decision and numbers.
 */
enum FlagCode {
  HIGH_RESULTS(
      "Аномально высокие результаты относительно региона",
      "Средний первичный балл ОО выделяется среди средних баллов других ОО региона (z по ОО) и"
          + " доля высоких результатов (отметки «4» и «5», без шкалы — от 75 % максимума)"
          + " значимо выше, чем у остальных участников региона (z-критерий для доли)",
      "z по ОО ≥ "
          + fmt(SCHOOL_Z)
          + " и z для доли ≥ "
          + fmt(Z_001)
          + " (односторонний p < 0,001), не меньше "
          + MIN_PARTICIPANTS
          + " участников, не меньше 5 других ОО в регионе"),
  BOUNDARY_SPIKES(
      "Всплески распределения баллов на границах отметок",
      "На границах отметок «3», «4», «5» считаются участники ОО с баллом, ровно достаточным"
          + " для отметки (b), и с баллом на единицу меньше (b − 1): при объективной проверке"
          + " доля набравших b среди этих участников такая же, как по стране (биномиальный"
          + " критерий по всем границам вместе)",
      "p < " + fmt(P_SPIKE) + " хотя бы на одной границе и не меньше " + MIN_SPIKE + " участников"),
  TASK_DIFFICULTY(
      "Трудные задания выполнены лучше лёгких",
      "Задания делятся по выполнению в стране: треть самых трудных и треть самых лёгких;"
          + " признак — ОО выполнила трудные в среднем не хуже лёгких, тогда как по стране"
          + " лёгкие выполнены заметно лучше",
      "выполнение трудных ≥ выполнения лёгких, разрыв по стране не меньше "
          + Math.round(100 * NATIONAL_GAP)
          + " п. п., не меньше "
          + MIN_PARTICIPANTS
          + " участников и 3 заданий"),
  IDENTICAL_VECTORS(
      "Группы участников с одинаковыми баллами по всем заданиям",
      "Участники, у которых совпадают баллы по каждому заданию (кроме работ на 0 и на максимум),"
          + " в группах от "
          + TallyRules.IDENTICAL_GROUP
          + " человек: при независимом выполнении такие совпадения редки",
      "в таких группах не меньше "
          + Math.round(100 * IDENTICAL_SHARE)
          + " % участников и не меньше "
          + MIN_IDENTICAL
          + " человек"),
  JOURNAL_MISMATCH(
      "Отметки за ВПР выше отметок по журналу",
      "Доля участников, чья отметка за ВПР выше отметки по журналу за предыдущий период"
          + " («повысили»), сравнивается с долей у остальных участников региона (z-критерий для"
          + " доли)",
      "z ≥ "
          + fmt(Z_001)
          + " и разница не меньше "
          + Math.round(100 * JOURNAL_MARGIN)
          + " п. п., не меньше "
          + MIN_PARTICIPANTS
          + " участников с отметкой по журналу"),
  REPEATED(
      "Признаки были и в предыдущей кампании",
      "У ОО был хотя бы один из признаков 1–5 по этому же предмету в предыдущей кампании",
      "хотя бы один признак в предыдущей кампании");

  static final String SOURCE =
      "Рособрнадзор/ФИОКО: признаки необъективности результатов ВПР (docs/results.md)";

  final String title;
  final String rule;
  final String threshold;

  FlagCode(String title, String rule, String threshold) {
    this.title = title;
    this.rule = rule;
    this.threshold = threshold;
  }

  /** The sign decided: raised or not, with the numbers behind the decision. */
  Flag decided(boolean raised, String value) {
    return new Flag(this, title, raised, rule, threshold, value, SOURCE);
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%s", d).replace('.', ',');
  }
}
