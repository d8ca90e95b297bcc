package org.oko.kits;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.oko.api.model.CampaignSubject;
import org.oko.api.model.KitAssignmentInput;
import org.oko.api.model.KitRangeInput;
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
class KitAssignments {

  static final int MAX_RANGE = 10_000;

  private final KitStore store;
  private final TransactionalOperator tx;
  private final Clock clock;

  KitAssignments(KitStore store, TransactionalOperator tx, Clock clock) {
    this.store = store;
    this.tx = tx;
    this.clock = clock;
  }

  Flux<KitStore.Stored> assign(Caller caller, CampaignInfo campaign, KitAssignmentInput in) {
    List<KitRangeInput> ranges = in.getRanges();
    List<FieldProblem> problems = new ArrayList<>();
    String subject = in.getSubjectKey();
    boolean knownSubject =
        campaign.subjects().stream().map(CampaignSubject::getKey).anyMatch(subject::equals);
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
                        r.getFirst(),
                        r.getLast()));
              }
              problems.addAll(overlapsWithin(ranges));
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
                        return store
                            .insert(
                                campaign.id(), subject, candidates, caller.login(), clock.instant())
                            .collectList()
                            .flatMapMany(ids -> store.byIds(campaign.id(), ids))
                            .as(tx::transactional)
                            .onErrorMap(
                                DataIntegrityViolationException.class,
                                e ->
                                    new UnprocessableException(
                                        "Комплекты не закреплены: исправьте ошибки",
                                        List.of(
                                            FieldProblem.of(
                                                "ranges",
                                                "Часть комплектов только что закреплена другим"
                                                    + " запросом; обновите список и повторите"))));
                      });
            });
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
