package org.oko.demo;

import java.util.List;
import java.util.Map;
import org.oko.identity.IdentityAdmin;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.security.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo accounts, one per kind of coordinator, with well-known passwords printed at start-up. Demo
 * only: real credentials are generated, shown once and never logged.
 */
final class DemoAccounts {

  record DemoAccount(
      String login, String password, Role role, String regionCode, String description) {}

  static final List<DemoAccount> ACCOUNTS =
      List.of(
          new DemoAccount("federal", "federal-demo", Role.FEDERAL, null, "федеральный организатор"),
          new DemoAccount(
              "region64",
              "region64-demo",
              Role.REGIONAL,
              "64",
              "региональный координатор, регион 64"),
          new DemoAccount(
              "region02",
              "region02-demo",
              Role.REGIONAL,
              "02",
              "региональный координатор, регион 02"),
          new DemoAccount(
              "mun64-engels",
              "mun64-demo",
              Role.MUNICIPAL,
              "64",
              "муниципальный координатор, Энгельсский район"),
          new DemoAccount(
              "resp64",
              "resp64-demo",
              Role.RESPONSIBLE,
              "64",
              "ответственный координатор: организации региона 64 без муниципалитета"),
          new DemoAccount(
              "edu640001", "edu640001-demo", Role.ORGANIZATION, "64", "школа edu640001 (Саратов)"),
          new DemoAccount(
              "edu645001",
              "edu645001-demo",
              Role.ORGANIZATION,
              "64",
              "пункт проведения оценки edu645001 (Саратов), ОМК"),
          new DemoAccount(
              "scan64",
              "scan64-demo",
              Role.SCANNER,
              "64",
              "специалист центра сканирования (РЦОИ), регион 64"),
          new DemoAccount(
              "scan02",
              "scan02-demo",
              Role.SCANNER,
              "02",
              "специалист центра сканирования (РЦОИ), регион 02"),
          new DemoAccount(
              "expert64a",
              "expert64-demo",
              Role.EXPERT,
              "64",
              "эксперт по русскому языку (работает в edu640001), ОМК"),
          new DemoAccount(
              "expert64b",
              "expert64-demo",
              Role.EXPERT,
              "64",
              "эксперт по русскому языку (работает в edu640021), ОМК"),
          new DemoAccount(
              "expert64c",
              "expert64-demo",
              Role.EXPERT,
              "64",
              "эксперт по русскому языку (работает в edu645001), ОМК"),
          new DemoAccount(
              "edu640021",
              "edu640021-demo",
              Role.ORGANIZATION,
              "64",
              "школа edu640021 (Энгельсский район)"),
          new DemoAccount(
              "observer64",
              "observer64-demo",
              Role.OBSERVER,
              "64",
              "общественный наблюдатель (Энгельсский район), ВПР-2026"));

  /** Where each demo expert works: that organization's works never go to them. */
  private static final Map<String, String> EXPERT_WORKPLACES =
      Map.of("expert64a", "edu640001", "expert64b", "edu640021", "expert64c", "edu645001");

  static final String API_CLIENT = "region64-system";
  static final String API_CLIENT_SECRET = "region64-system-secret";

  private DemoAccounts() {}

  static Mono<Void> create(IdentityAdmin admin, OrganizationDirectory orgs) {
    return Flux.fromIterable(ACCOUNTS)
        .concatMap(account -> create(admin, orgs, account))
        .then(
            admin.setApiClient(
                API_CLIENT,
                "Региональная информационная система (регион 64)",
                "64",
                API_CLIENT_SECRET));
  }

  private static Mono<Long> create(
      IdentityAdmin admin, OrganizationDirectory orgs, DemoAccount account) {
    String name =
        Character.toUpperCase(account.description().charAt(0)) + account.description().substring(1);
    return switch (account.role()) {
      case FEDERAL ->
          admin.setAccount(
              account.login(), name, Role.FEDERAL, null, null, null, account.password());
      case REGIONAL, RESPONSIBLE ->
          admin.setAccount(
              account.login(),
              name,
              account.role(),
              account.regionCode(),
              null,
              null,
              account.password());
      case MUNICIPAL ->
          orgs.byLogin("edu640021")
              .flatMap(
                  school ->
                      admin.setAccount(
                          account.login(),
                          name,
                          Role.MUNICIPAL,
                          school.regionCode(),
                          school.municipalityId(),
                          null,
                          account.password()));
      case SCANNER ->
          // The region's scanning centre (РЦОИ) is the specialist's organization.
          orgs.byLogin("rcoi" + account.regionCode() + "0001")
              .flatMap(
                  centre ->
                      admin.setAccount(
                          account.login(),
                          name,
                          Role.SCANNER,
                          centre.regionCode(),
                          null,
                          centre.id(),
                          account.password()));
      case OBSERVER ->
          admin.setAccount(
              account.login(),
              "Григорьева Анна Павловна",
              Role.OBSERVER,
              account.regionCode(),
              null,
              null,
              account.password());
      case EXPERT ->
          orgs.byLogin(EXPERT_WORKPLACES.get(account.login()))
              .flatMap(
                  workplace ->
                      admin.setAccount(
                          account.login(),
                          name,
                          Role.EXPERT,
                          workplace.regionCode(),
                          null,
                          workplace.id(),
                          account.password()));
      default ->
          orgs.byLogin(account.login())
              .flatMap(
                  (OrganizationRef org) ->
                      admin.setAccount(
                          account.login(),
                          name,
                          Role.ORGANIZATION,
                          org.regionCode(),
                          org.municipalityId(),
                          org.id(),
                          account.password()));
    };
  }
}
