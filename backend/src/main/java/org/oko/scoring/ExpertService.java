package org.oko.scoring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.identity.IdentityAdmin;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.Listing;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.oko.platform.web.UnprocessableException;
import org.oko.scoring.ExpertStore.ExpertRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The experts of a campaign: registered by the federal or regional coordinator, and listed. */
@Service
class ExpertService {

  /** An expert to register: their account, region, workplace and subjects. */
  record NewExpert(
      String login,
      String displayName,
      String regionCode,
      long organizationId,
      List<String> subjects) {}

  /** A registered expert with the password of their new account. */
  record Registered(ExpertRow expert, String password) {}

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final IdentityAdmin identity;
  private final ExpertStore experts;
  private final TransactionalOperator tx;
  private final Clock clock;

  ExpertService(
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      IdentityAdmin identity,
      ExpertStore experts,
      TransactionalOperator tx,
      Clock clock) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.identity = identity;
    this.experts = experts;
    this.tx = tx;
    this.clock = clock;
  }

  /** The experts of a region (the caller's own when null), narrowed by subject and agreement. */
  Mono<Listing<ExpertRow>> page(
      Caller caller,
      long campaignId,
      String regionCode,
      String subjectKey,
      String approval,
      Paging paging) {
    if (regionCode != null && !caller.seesRegion(regionCode)) {
      return Mono.error(ScoringProblems.regionNotFound(regionCode));
    }
    String region = regionCode != null ? regionCode : caller.regionCode();
    return campaigns
        .visibleTo(caller, campaignId)
        .then(
            Mono.zip(
                experts.page(campaignId, region, subjectKey, approval, paging).collectList(),
                experts.count(campaignId, region, subjectKey, approval),
                Listing::new));
  }

  /** Registers the expert in the campaign, with a new EXPERT account. */
  Mono<Registered> register(Caller caller, long campaignId, Mono<NewExpert> input) {
    return campaigns
        .visibleTo(caller, campaignId)
        .zipWith(input, (campaign, expert) -> register(caller, campaign, expert))
        .flatMap(registered -> registered);
  }

  private Mono<Registered> register(Caller caller, CampaignInfo campaign, NewExpert in) {
    String region = in.regionCode();
    if (!caller.seesRegion(region)) {
      return Mono.error(ScoringProblems.regionNotFound(region));
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (!campaign.regionCodes().contains(region)) {
      problems.add(
          FieldProblem.of("regionCode", "Регион " + region + " не участвует в этой кампании"));
    }
    List<String> subjects = subjects(campaign, in.subjects(), problems);
    return organizations
        .byId(in.organizationId())
        .filter(org -> caller.seesRegion(org.regionCode()))
        .switchIfEmpty(
            Mono.error(
                () -> new NotFoundException("Организация " + in.organizationId() + " не найдена")))
        .flatMap(
            org -> {
              requireRegion(org, region, problems);
              if (!problems.isEmpty()) {
                return Mono.error(
                    new UnprocessableException("Эксперт не зарегистрирован", problems));
              }
              return create(caller, campaign, in, org, subjects).as(tx::transactional);
            });
  }

  /** The expert's subjects that the campaign has, each once; a problem for every other. */
  private static List<String> subjects(
      CampaignInfo campaign, List<String> given, List<FieldProblem> problems) {
    List<String> keys = campaign.subjects().stream().map(s -> s.key()).toList();
    LinkedHashSet<String> subjects = new LinkedHashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String subject = given.get(i);
      if (!keys.contains(subject)) {
        problems.add(
            new FieldProblem(
                "subjects[" + i + "]",
                "Предмета «" + subject + "» нет в кампании",
                null,
                null,
                subject));
      } else {
        subjects.add(subject);
      }
    }
    if (given.isEmpty()) {
      problems.add(FieldProblem.of("subjects", "Укажите хотя бы один предмет эксперта"));
    }
    return List.copyOf(subjects);
  }

  private static void requireRegion(
      OrganizationRef org, String region, List<FieldProblem> problems) {
    if (!org.regionCode().equals(region)) {
      problems.add(
          new FieldProblem(
              "organizationId",
              "Организация «" + org.name() + "» находится в другом регионе",
              null,
              null,
              String.valueOf(org.id())));
    }
  }

  /** The account and the expert, in the caller's transaction. */
  private Mono<Registered> create(
      Caller caller,
      CampaignInfo campaign,
      NewExpert in,
      OrganizationRef org,
      List<String> subjects) {
    return identity
        .issueAccount(in.login(), in.displayName(), Role.EXPERT, in.regionCode(), null, org.id())
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ConflictException(
                        "Логин «"
                            + in.login()
                            + "» уже занят другой учётной записью — выберите другой")))
        .flatMap(
            password ->
                experts
                    .upsert(
                        campaign.id(),
                        in.login(),
                        in.regionCode(),
                        org.id(),
                        subjects,
                        caller.isFederal(),
                        caller.login(),
                        clock.instant())
                    .then(experts.one(campaign.id(), in.login()))
                    .map(row -> new Registered(row, password)));
  }
}
