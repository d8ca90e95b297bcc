package org.oko.demo;

import java.time.Duration;
import java.util.ArrayList;
import org.oko.demo.DemoHierarchy.DemoMunicipality;
import org.oko.demo.DemoHierarchy.DemoRegion;
import org.oko.identity.IdentityAdmin;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRegistryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads the demo hierarchy on the first start (an empty database), all or nothing. Off with {@code
 * OKO_DEMO_DATA=false}, as in production.
 */
@Component
@ConditionalOnProperty(name = "oko.demo-data", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

  /**
   * How long the demo data may take to write: minutes on a machine shared by many builds, where one
   * minute failed the start (issue 21's journeys run on such machines).
   */
  private static final Duration DEMO_TIMEOUT = Duration.ofMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  private final OrganizationRegistryStore registry;
  private final OrganizationDirectory directory;
  private final IdentityAdmin identity;
  private final DemoCampaigns campaigns;
  private final DemoPublications publications;
  private final DemoForms forms;
  private final DemoCodesProtocol codes;
  private final DemoResults results;
  private final DemoQuestionnaires questionnaires;
  private final DemoScans scans;
  private final DemoObservers observers;
  private final TransactionalOperator tx;

  DemoDataLoader(
      OrganizationRegistryStore registry,
      OrganizationDirectory directory,
      IdentityAdmin identity,
      DemoCampaigns campaigns,
      DemoPublications publications,
      DemoForms forms,
      DemoCodesProtocol codes,
      DemoResults results,
      DemoQuestionnaires questionnaires,
      DemoScans scans,
      DemoObservers observers,
      ReactiveTransactionManager transactions) {
    this.observers = observers;
    this.registry = registry;
    this.directory = directory;
    this.identity = identity;
    this.campaigns = campaigns;
    this.publications = publications;
    this.forms = forms;
    this.codes = codes;
    this.results = results;
    this.questionnaires = questionnaires;
    this.scans = scans;
    this.tx = TransactionalOperator.create(transactions);
  }

  @Override
  public void run(ApplicationArguments args) {
    // Start-up runs on the main thread, not an event loop: waiting here is fine and makes the
    // application ready only with its data in place.
    Long count =
        registry
            .isEmpty()
            .flatMap(empty -> empty ? tx.transactional(loadAll()) : Mono.just(0L))
            .block(Duration.ofMinutes(2));
    if (count != null && count > 0) {
      log.info(
          "Demo data loaded: {} regions, {} organizations", DemoHierarchy.REGIONS.size(), count);
    }
    // Separately, so that a database from before accounts existed gets them too.
    Boolean created =
        identity
            .accountExists(DemoAccounts.ACCOUNTS.get(0).login())
            .flatMap(
                exists ->
                    exists
                        ? Mono.just(false)
                        : tx.transactional(DemoAccounts.create(identity, directory))
                            .thenReturn(true))
            .block(DEMO_TIMEOUT);
    if (Boolean.TRUE.equals(created)) {
      log.info("Demo accounts created: {}", DemoAccounts.ACCOUNTS.size());
    }
    // Scheduled around the first start, so the demo shows every campaign at a live moment.
    long started = System.nanoTime();
    Boolean scheduled =
        campaigns
            .exist()
            .flatMap(
                exist ->
                    exist ? Mono.just(false) : tx.transactional(createCampaigns()).thenReturn(true))
            .block(DEMO_TIMEOUT);
    if (Boolean.TRUE.equals(scheduled)) {
      log.info(
          "Demo campaigns created in {} ms: ВПР (spring, autumn), СПО, ОМК, with publications,"
              + " forms and questionnaires; an ОМК with scanning and expert scoring side by side;"
              + " a ВПР whose schools take their participant codes now",
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  /**
   * Every demo campaign with its publications, forms, results, questionnaires, scans, observers.
   */
  private Mono<Void> createCampaigns() {
    return campaigns
        .create(java.time.Instant.now())
        .then(publications.create(java.time.Instant.now()))
        .then(forms.create())
        .then(codes.create(java.time.Instant.now()))
        .then(results.create())
        .then(questionnaires.create())
        .then(scans.create(java.time.Instant.now()))
        .then(observers.create(java.time.Instant.now()));
  }

  private Mono<Long> loadAll() {
    return Flux.fromIterable(DemoHierarchy.REGIONS)
        .concatMap(this::loadRegion)
        .reduce(0L, Long::sum);
  }

  private Mono<Long> loadRegion(DemoRegion region) {
    return registry
        .registerRegion(region.code(), region.name(), region.timeZone())
        .thenMany(
            Flux.fromIterable(region.municipalities())
                .map(DemoMunicipality::name)
                .concatMap(name -> registry.registerMunicipality(region.code(), name)))
        .collectList()
        .flatMapMany(
            ids -> Flux.fromIterable(DemoHierarchy.organizations(region, new ArrayList<>(ids))))
        .concatMap(registry::registerOrganization)
        .count();
  }
}
