package org.oko.kits;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.oko.api.model.KitAssignmentInput;
import org.oko.api.model.KitRangeInput;
import org.oko.api.model.ParticipantCategory;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Subject;
import org.oko.platform.security.Caller;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.UnprocessableException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Assigning ranges of kit numbers, all or nothing: every range is checked, no kit number of a
 * subject may belong to two ranges (neither within the request nor with stored ones), and the
 * ranges are stored in one transaction. The database's exclusion constraint is the backstop for two
 * assignments racing each other.
 */
@Component
class KitAssignmentService {

  static final int MAX_RANGE = 10_000;

  /**
   * Kits of one request: each gets a credential in the same transaction, so a request stays within
   * what a transaction writes in reasonable time and memory.
   */
  static final int MAX_KITS = 1_000_000;

  /** How many five-digit passwords there are. */
  static final int PASSWORDS = 100_000;

  /** Kits per insert statement of credentials. */
  static final int BATCH = 50_000;

  private final SecureRandom random = new SecureRandom();

  private final KitStore store;
  private final TransactionalOperator tx;
  private final Clock clock;

  KitAssignmentService(KitStore store, TransactionalOperator tx, Clock clock) {
    this.store = store;
    this.tx = tx;
    this.clock = clock;
  }

  Flux<KitStore.Stored> assign(Caller caller, CampaignInfo campaign, KitAssignmentInput in) {
    List<KitRangeInput> ranges = in.getRanges();
    List<FieldProblem> problems = new ArrayList<>();
    String subject = in.getSubjectKey();
    boolean knownSubject = campaign.subjects().stream().map(Subject::key).anyMatch(subject::equals);
    if (!knownSubject) {
      problems.add(FieldProblem.of("subjectKey", "Предмета «" + subject + "» нет в этой кампании"));
    }
    if (ranges.isEmpty()) {
      problems.add(FieldProblem.of("ranges", "Не указано ни одного диапазона комплектов"));
    }
    List<String> logins = ranges.stream().map(KitRangeInput::getOrganization).distinct().toList();
    return store
        .points(logins)
        .collectMap(KitStore.Point::login, Function.identity())
        .flatMapMany(
            points -> {
              List<KitStore.NewRange> candidates = new ArrayList<>();
              for (int i = 0; i < ranges.size(); i++) {
                KitRangeInput r = ranges.get(i);
                String field = "ranges[" + i + "]";
                KitStore.Point point = points.get(r.getOrganization());
                if (point == null) {
                  problems.add(
                      FieldProblem.of(
                          field + ".organization",
                          "Организация «" + r.getOrganization() + "» не найдена"));
                } else if (!"ASSESSMENT_POINT".equals(point.kind())) {
                  problems.add(
                      FieldProblem.of(
                          field + ".organization",
                          "«"
                              + point.login()
                              + "» — не пункт проведения: комплекты закрепляются"
                              + " только за ППО"));
                } else if (!campaign.regionCodes().contains(point.regionCode())) {
                  problems.add(
                      FieldProblem.of(
                          field + ".organization",
                          "ППО «"
                              + point.login()
                              + "» находится в регионе "
                              + point.regionCode()
                              + ", который не участвует в кампании"));
                }
                if (r.getFirst() > r.getLast()) {
                  problems.add(
                      FieldProblem.of(
                          field,
                          "Первый номер " + r.getFirst() + " больше последнего " + r.getLast()));
                } else if (r.getLast() - r.getFirst() >= MAX_RANGE) {
                  problems.add(
                      FieldProblem.of(
                          field,
                          "В диапазоне "
                              + span(r.getFirst(), r.getLast())
                              + " больше "
                              + MAX_RANGE
                              + " комплектов"));
                }
                candidates.add(
                    new KitStore.NewRange(
                        point == null ? 0 : point.id(),
                        point == null ? null : point.regionCode(),
                        r.getCategory() == null
                            ? ParticipantCategory.TEACHER.getValue()
                            : r.getCategory().getValue(),
                        r.getFirst(),
                        r.getLast()));
              }
              problems.addAll(overlapsWithin(ranges));
              long kits =
                  ranges.stream()
                      .filter(r -> r.getFirst() <= r.getLast())
                      .mapToLong(r -> r.getLast() - r.getFirst() + 1)
                      .sum();
              if (kits > MAX_KITS) {
                problems.add(
                    FieldProblem.of(
                        "ranges",
                        "В одном запросе "
                            + kits
                            + " комплектов, а можно не больше "
                            + MAX_KITS
                            + ": разделите его на несколько"));
              }
              return (ranges.isEmpty()
                      ? Mono.<List<KitStore.Clash>>just(List.of())
                      : store.clashes(campaign.id(), subject, candidates).collectList())
                  .flatMapMany(
                      clashes -> {
                        for (KitStore.Clash c : clashes) {
                          KitRangeInput r = ranges.get(c.index());
                          if (r.getFirst() > r.getLast()) {
                            continue;
                          }
                          problems.add(
                              FieldProblem.of(
                                  "ranges[" + c.index() + "]",
                                  "Комплекты "
                                      + span(c.first(), c.last())
                                      + " уже закреплены за "
                                      + c.login()
                                      + " (пересекаются с "
                                      + span(r.getFirst(), r.getLast())
                                      + " для "
                                      + r.getOrganization()
                                      + ")"));
                        }
                        if (!problems.isEmpty()) {
                          return Flux.error(
                              new UnprocessableException(
                                  "Комплекты не закреплены: исправьте ошибки", problems));
                        }
                        return store(campaign.id(), subject, candidates, caller.login())
                            .flatMapMany(ids -> store.byIds(campaign.id(), ids))
                            .onErrorResume(
                                DataIntegrityViolationException.class,
                                e ->
                                    refusal(e, ranges, subject, candidates)
                                        .flatMapMany(t -> Flux.<KitStore.Stored>error(t)));
                      });
            });
  }

  /**
   * Stores the ranges and a questionnaire credential for each of their kits, in one transaction;
   * the range ids in the order given. The callers have checked the ranges; the database refuses
   * overlaps and logins taken already.
   */
  Mono<List<Long>> store(
      long campaignId, String subject, List<KitStore.NewRange> ranges, String by) {
    List<String> prefixes =
        ranges.stream().map(r -> KitLogins.prefix(r.category(), subject)).toList();
    List<Long> points = ranges.stream().map(KitStore.NewRange::organizationId).distinct().toList();
    return store
        .passwordsInUse(campaignId, subject, points)
        .collect(
            HashMap<Long, BitSet>::new,
            (m, p) -> m.computeIfAbsent(p[0], k -> new BitSet(PASSWORDS)).set((int) p[1]))
        .flatMap(
            inUse -> {
              int[] passwords = passwords(ranges, inUse);
              return store
                  .insert(campaignId, subject, ranges, by, clock.instant())
                  .collectList()
                  .flatMap(
                      ids ->
                          insertCredentials(campaignId, subject, ranges, prefixes, ids, passwords));
            })
        .as(tx::transactional);
  }

  /** The credentials in statements of at most {@link #BATCH} kits each. */
  private Mono<List<Long>> insertCredentials(
      long campaignId,
      String subject,
      List<KitStore.NewRange> ranges,
      List<String> prefixes,
      List<Long> ids,
      int[] passwords) {
    List<int[]> batches = new ArrayList<>(); // [from range, to range (exclusive), first kit]
    int from = 0;
    int kits = 0;
    int offset = 0;
    for (int i = 0; i < ranges.size(); i++) {
      int n = (int) ranges.get(i).kits();
      if (kits + n > BATCH && i > from) {
        batches.add(new int[] {from, i, offset});
        offset += kits;
        from = i;
        kits = 0;
      }
      kits += n;
    }
    batches.add(new int[] {from, ranges.size(), offset});
    return Flux.fromIterable(batches)
        .concatMap(
            b -> {
              int total = 0;
              for (int i = b[0]; i < b[1]; i++) {
                total += (int) ranges.get(i).kits();
              }
              return store.insertCredentials(
                  campaignId,
                  subject,
                  ranges.subList(b[0], b[1]),
                  prefixes.subList(b[0], b[1]),
                  ids.subList(b[0], b[1]),
                  Arrays.copyOfRange(passwords, b[2], b[2] + total));
            })
        .then(Mono.just(ids));
  }

  /**
   * Five random digits for every kit, the kits of all ranges one after another; no two kits of a
   * point (for the subject) share one, counting the passwords it holds already.
   */
  private int[] passwords(List<KitStore.NewRange> ranges, Map<Long, BitSet> inUse) {
    int total = ranges.stream().mapToInt(r -> (int) r.kits()).sum();
    int[] result = new int[total];
    int k = 0;
    for (KitStore.NewRange r : ranges) {
      BitSet used = inUse.computeIfAbsent(r.organizationId(), id -> new BitSet(PASSWORDS));
      if (used.cardinality() + r.kits() > PASSWORDS) {
        throw new UnprocessableException(
            "Комплекты не закреплены: исправьте ошибки",
            List.of(
                FieldProblem.of(
                    "ranges",
                    "У пункта проведения было бы больше "
                        + PASSWORDS
                        + " комплектов предмета: пароли из пяти цифр у них не будут различаться")));
      }
      for (long n = r.first(); n <= r.last(); n++) {
        int p;
        do {
          p = random.nextInt(PASSWORDS);
        } while (used.get(p));
        used.set(p);
        result[k++] = p;
      }
    }
    return result;
  }

  /** Why the database refused the ranges: logins held already, or a concurrent assignment. */
  private Mono<Throwable> refusal(
      DataIntegrityViolationException e,
      List<KitRangeInput> ranges,
      String subject,
      List<KitStore.NewRange> candidates) {
    String raced =
        "Часть комплектов только что закреплена другим запросом; обновите список и повторите";
    Mono<List<FieldProblem>> problems =
        String.valueOf(e.getMessage()).contains("kit_credential_pkey")
            ? store
                .loginClashes(
                    candidates,
                    candidates.stream().map(r -> KitLogins.prefix(r.category(), subject)).toList())
                .map(
                    c -> {
                      KitRangeInput r = ranges.get(c.index());
                      return FieldProblem.of(
                          "ranges[" + c.index() + "]",
                          "Логины анкетирования комплектов "
                              + span(r.getFirst(), r.getLast())
                              + " ("
                              + r.getOrganization()
                              + ") уже выданы: "
                              + c.login()
                              + (c.count() > 1 ? " и ещё " + (c.count() - 1) : "")
                              + " — комплектам предмета «"
                              + c.subjectKey()
                              + "» кампании «"
                              + c.campaignTitle()
                              + "». Логин составляется из категории, первых трёх букв"
                              + " предмета, кода региона и номера комплекта: выберите другие"
                              + " номера");
                    })
                .collectList()
            : Mono.just(List.of());
    return problems.map(
        list ->
            new UnprocessableException(
                "Комплекты не закреплены: исправьте ошибки",
                list.isEmpty() ? List.of(FieldProblem.of("ranges", raced)) : list));
  }

  /** Each pair of ranges of the request that share a kit number. */
  private static List<FieldProblem> overlapsWithin(List<KitRangeInput> ranges) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < ranges.size(); i++) {
      if (ranges.get(i).getFirst() <= ranges.get(i).getLast()) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparing((Integer i) -> ranges.get(i).getFirst()).thenComparing(i -> i));
    List<FieldProblem> problems = new ArrayList<>();
    for (int a = 0; a < order.size(); a++) {
      KitRangeInput x = ranges.get(order.get(a));
      for (int b = a + 1; b < order.size(); b++) {
        KitRangeInput y = ranges.get(order.get(b));
        if (y.getFirst() > x.getLast()) {
          break;
        }
        int later = Math.max(order.get(a), order.get(b));
        int earlier = Math.min(order.get(a), order.get(b));
        KitRangeInput e = ranges.get(earlier);
        KitRangeInput l = ranges.get(later);
        problems.add(
            FieldProblem.of(
                "ranges[" + later + "]",
                "Комплекты "
                    + span(l.getFirst(), l.getLast())
                    + " ("
                    + l.getOrganization()
                    + ") пересекаются с комплектами "
                    + span(e.getFirst(), e.getLast())
                    + " ("
                    + e.getOrganization()
                    + ") в этом же запросе"));
      }
    }
    return problems;
  }

  static String span(long first, long last) {
    return first == last ? Long.toString(first) : first + "–" + last;
  }
}
