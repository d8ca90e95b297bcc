package org.oko.kits;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.oko.campaigns.CampaignInfo;
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

  /** How many five-digit passwords there are. */
  static final int PASSWORDS = 100_000;

  /** Kits per insert statement of credentials. */
  static final int BATCH = 50_000;

  private final SecureRandom random = new SecureRandom();

  private final KitStore store;
  private final KitCredentialStore credentials;
  private final TransactionalOperator tx;
  private final Clock clock;

  KitAssignmentService(
      KitStore store, KitCredentialStore credentials, TransactionalOperator tx, Clock clock) {
    this.store = store;
    this.credentials = credentials;
    this.tx = tx;
    this.clock = clock;
  }

  Flux<KitStore.Stored> assign(Caller caller, CampaignInfo campaign, KitAssignment in) {
    List<KitAssignment.Range> ranges = in.ranges();
    String subject = in.subjectKey();
    List<FieldProblem> problems = new ArrayList<>(KitRangeRules.request(campaign, in));
    List<String> logins =
        ranges.stream().map(KitAssignment.Range::organization).distinct().toList();
    return store
        .points(logins)
        .collectMap(KitStore.Point::login, Function.identity())
        .flatMapMany(
            points -> {
              List<KitStore.NewRange> candidates = KitRangeRules.candidates(ranges, points);
              problems.addAll(KitRangeRules.each(campaign, ranges, points));
              problems.addAll(KitRangeRules.overlapsWithin(ranges));
              problems.addAll(KitRangeRules.size(ranges));
              return clashes(campaign.id(), subject, ranges, candidates)
                  .flatMapMany(
                      clashes -> {
                        problems.addAll(KitRangeRules.clashes(ranges, clashes));
                        return storeChecked(caller, campaign, in, candidates, problems);
                      });
            });
  }

  private Mono<List<KitStore.Clash>> clashes(
      long campaignId,
      String subject,
      List<KitAssignment.Range> ranges,
      List<KitStore.NewRange> candidates) {
    return ranges.isEmpty()
        ? Mono.just(List.of())
        : store.clashes(campaignId, subject, candidates).collectList();
  }

  /** Refuses the request with every problem, or stores it and reads the stored ranges back. */
  private Flux<KitStore.Stored> storeChecked(
      Caller caller,
      CampaignInfo campaign,
      KitAssignment in,
      List<KitStore.NewRange> candidates,
      List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      return Flux.error(
          new UnprocessableException("Комплекты не закреплены: исправьте ошибки", problems));
    }
    return store(campaign.id(), in.subjectKey(), candidates, caller.login())
        .flatMapMany(ids -> store.byIds(campaign.id(), ids))
        .onErrorResume(
            DataIntegrityViolationException.class,
            e ->
                refusal(e, in.ranges(), in.subjectKey(), candidates)
                    .flatMapMany(t -> Flux.<KitStore.Stored>error(t)));
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
    return credentials
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
              return credentials.insert(
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
      List<KitAssignment.Range> ranges,
      String subject,
      List<KitStore.NewRange> candidates) {
    String raced =
        "Часть комплектов только что закреплена другим запросом; обновите список и повторите";
    Mono<List<FieldProblem>> problems =
        String.valueOf(e.getMessage()).contains("kit_credential_pkey")
            ? credentials
                .loginClashes(
                    candidates,
                    candidates.stream().map(r -> KitLogins.prefix(r.category(), subject)).toList())
                .map(
                    c -> {
                      KitAssignment.Range r = ranges.get(c.index());
                      return FieldProblem.of(
                          "ranges[" + c.index() + "]",
                          "Логины анкетирования комплектов "
                              + KitRangeRules.span(r.first(), r.last())
                              + " ("
                              + r.organization()
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
}
