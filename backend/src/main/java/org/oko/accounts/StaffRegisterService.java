package org.oko.accounts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oko.campaigns.CampaignDirectory;
import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.audit.AuditLog;
import org.oko.platform.security.Caller;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.Paging;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Staff registers per campaign (issue 19; seed 000_c9abf0b417e3d9bf.txt): the template, the
 * all-or-nothing upload and who is missing ({@link StaffSubmissionService} sends the list).
 */
@Service
class StaffRegisterService {

  /** One organization of a coverage list: its people and the duties nobody holds. */
  record CoverageRow(
      StaffStore.Covered organization, List<StaffMember> members, List<StaffDuty> missing) {}

  record CoveragePage(List<CoverageRow> rows, long totalItems, StaffStore.Summary summary) {}

  record Imported(int organizations, int members) {}

  private final StaffStore staff;
  private final CampaignDirectory campaigns;
  private final AuditLog audit;
  private final TransactionalOperator tx;

  StaffRegisterService(
      StaffStore staff,
      CampaignDirectory campaigns,
      AuditLog audit,
      ReactiveTransactionManager transactions) {
    this.staff = staff;
    this.campaigns = campaigns;
    this.audit = audit;
    this.tx = TransactionalOperator.create(transactions);
  }

  /**
   * The caller's registers as a template, with an empty line where a responsible one is missing.
   */
  Mono<byte[]> template(Caller caller, long campaignId) {
    StaffAccess.keeper(caller);
    StaffStore.Selection everything = selection(caller, null, null, false);
    return campaigns
        .visibleTo(caller, campaignId)
        .thenMany(staff.all(campaignId, everything))
        .collectList()
        .flatMap(
            organizations ->
                staff
                    .members(
                        campaignId, organizations.stream().map(StaffStore.Covered::id).toList())
                    .collectMultimap(StaffMember::organizationId)
                    .map(people -> templateRows(organizations, people)))
        .flatMap(
            rows ->
                Mono.fromCallable(() -> StaffWorkbook.template(rows))
                    .subscribeOn(Schedulers.boundedElastic()));
  }

  private static List<StaffWorkbook.TemplateRow> templateRows(
      List<StaffStore.Covered> organizations, Map<Long, java.util.Collection<StaffMember>> people) {
    List<StaffWorkbook.TemplateRow> rows = new ArrayList<>();
    for (StaffStore.Covered o : organizations) {
      if (o.responsible() == 0) {
        rows.add(
            new StaffWorkbook.TemplateRow(
                o.login(), o.name(), StaffDuty.RESPONSIBLE_ORGANIZER, null, null, null));
      }
      for (StaffMember m : people.getOrDefault(o.id(), List.of())) {
        rows.add(
            new StaffWorkbook.TemplateRow(
                o.login(), o.name(), m.duty(), m.fullName(), m.phone(), m.email()));
      }
    }
    return rows;
  }

  /** Reads the staged file and replaces the registers it names, or changes nothing. */
  Mono<Imported> importFile(Caller caller, long campaignId, Path file, String clientAddress) {
    StaffAccess.keeper(caller);
    Visibility scope = Visibility.of(caller);
    return campaigns
        .visibleTo(caller, campaignId)
        .then(
            Mono.fromCallable(() -> StaffWorkbook.read(file))
                .subscribeOn(Schedulers.boundedElastic()))
        .flatMap(
            lines ->
                staff
                    .named(campaignId, logins(lines))
                    .map(found -> StaffRules.check(scope, lines, found)))
        .flatMap(
            outcome -> {
              if (!outcome.problems().isEmpty()) {
                return Mono.error(refused(outcome.problems()));
              }
              Imported imported =
                  new Imported(outcome.organizations().size(), outcome.members().size());
              String target =
                  "кампания "
                      + campaignId
                      + ": "
                      + imported.members()
                      + " работников в "
                      + imported.organizations()
                      + " организациях";
              return tx.transactional(
                  staff
                      .replace(
                          campaignId, outcome.organizations(), outcome.members(), caller.login())
                      .then(audit.record(entry(caller, "staff.import", target, clientAddress)))
                      .thenReturn(imported));
            });
  }

  private static Set<String> logins(List<StaffWorkbook.Line> lines) {
    Set<String> logins = new HashSet<>();
    for (StaffWorkbook.Line line : lines) {
      if (line.organization() != null) {
        logins.add(line.organization());
      }
    }
    return logins;
  }

  private static UnprocessableException refused(List<FieldProblem> problems) {
    List<FieldProblem> listed =
        problems.subList(0, Math.min(problems.size(), AccountImportService.MAX_LISTED));
    String detail =
        "Список работников не изменён: "
            + (problems.size() == 1
                ? "в файле одна ошибка. "
                : "в файле ошибок — " + problems.size() + ". Первая: ")
            + listed.get(0).message();
    return new UnprocessableException(detail, listed);
  }

  /** Who holds which duty in each organization of the selection, and who is missing. */
  Mono<CoveragePage> coverage(
      Caller caller,
      long campaignId,
      String regionCode,
      Long municipalityId,
      boolean missingOnly,
      Paging paging) {
    StaffStore.Selection selection =
        selection(
            caller, StaffAccess.readerRegion(caller, regionCode), municipalityId, missingOnly);
    return campaigns
        .visibleTo(caller, campaignId)
        .then(
            Mono.zip(
                staff.page(campaignId, selection, paging).collectList(),
                staff.summary(campaignId, selection),
                (page, summary) -> withMembers(campaignId, page, summary, missingOnly)))
        .flatMap(coverage -> coverage);
  }

  /** A page of organizations with their people; the total counts what the filter keeps. */
  private Mono<CoveragePage> withMembers(
      long campaignId,
      List<StaffStore.Covered> page,
      StaffStore.Summary summary,
      boolean missingOnly) {
    long total = missingOnly ? summary.missingAny() : summary.organizations();
    return staff
        .members(campaignId, page.stream().map(StaffStore.Covered::id).toList())
        .collectMultimap(StaffMember::organizationId)
        .map(people -> new CoveragePage(rows(page, people), total, summary));
  }

  private static List<CoverageRow> rows(
      List<StaffStore.Covered> page, Map<Long, java.util.Collection<StaffMember>> people) {
    List<CoverageRow> rows = new ArrayList<>(page.size());
    for (StaffStore.Covered o : page) {
      EnumSet<StaffDuty> missing = EnumSet.noneOf(StaffDuty.class);
      if (o.responsible() == 0) {
        missing.add(StaffDuty.RESPONSIBLE_ORGANIZER);
      }
      if (o.classroom() == 0) {
        missing.add(StaffDuty.CLASSROOM_ORGANIZER);
      }
      if (o.technical() == 0) {
        missing.add(StaffDuty.TECHNICAL_SPECIALIST);
      }
      rows.add(
          new CoverageRow(
              o, List.copyOf(people.getOrDefault(o.id(), List.of())), List.copyOf(missing)));
    }
    return rows;
  }

  static StaffStore.Selection selection(
      Caller caller, String region, Long municipalityId, boolean missingOnly) {
    ScopeCondition scope =
        Visibility.of(caller).condition(ScopeCondition.Columns.of("o").withRegion("e.region_code"));
    return new StaffStore.Selection(scope, region, municipalityId, missingOnly);
  }

  static AuditLog.Entry entry(Caller caller, String action, String target, String address) {
    return new AuditLog.Entry(
        caller.login(),
        caller.role().name(),
        caller.regionCode(),
        action,
        target,
        "success",
        address == null ? "unknown" : address);
  }
}
