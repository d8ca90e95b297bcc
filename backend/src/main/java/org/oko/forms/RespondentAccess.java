package org.oko.forms;

import org.oko.forms.FormAccess.VisibleForm;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.InvalidRequestException;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whose response a request is about: the caller's own, or an organization, a municipality or a
 * region's part (its organizations without a municipality) that the caller oversees — each in scope
 * by the one rule ({@link Visibility}); anything else is a 404. See {@link FormAccess}.
 */
@Component
class RespondentAccess {

  private final OrganizationDirectory organizations;
  private final RespondentStore respondents;

  RespondentAccess(OrganizationDirectory organizations, RespondentStore respondents) {
    this.organizations = organizations;
    this.respondents = respondents;
  }

  /**
   * The respondent a request is about: the caller itself unless {@code organization} or {@code
   * municipalityId} names another it oversees.
   */
  Mono<Respondent> respondent(
      Caller caller, VisibleForm vf, String organization, Long municipalityId, String regionPart) {
    if (regionPart != null && (vf.form().byOrganizations() || organization != null)) {
      return Mono.error(
          new InvalidRequestException(
              "regionPart",
              "Часть региона (организации без муниципалитета) заполняет форму муниципалитетов:"
                  + " укажите только regionPart"));
    }
    if (regionPart != null) {
      return namedRegionPart(caller, vf, municipalityId, regionPart);
    }
    return vf.form().byOrganizations()
        ? organizationRespondent(caller, vf, organization, municipalityId)
        : municipalityRespondent(caller, vf, organization, municipalityId);
  }

  /**
   * A region's part named by a coordinator above it (the region's coordinator, the federal
   * organizer) or by the responsible coordinator itself; in scope by the one rule, {@link
   * Visibility#coversPart} — a municipal coordinator covers no region part (404).
   */
  private Mono<Respondent> namedRegionPart(
      Caller caller, VisibleForm vf, Long municipalityId, String regionPart) {
    if (municipalityId != null) {
      return Mono.error(
          new InvalidRequestException(
              "regionPart", "Укажите одно: муниципалитет (municipalityId) или часть региона"));
    }
    if (caller.role() == Role.ORGANIZATION) {
      return Mono.error(new AccessDeniedException());
    }
    Visibility visibility = Visibility.of(caller);
    return respondents
        .regionPart(vf.campaign().id(), regionPart)
        .filter(p -> visibility.coversPart(p.regionCode(), null))
        .switchIfEmpty(
            Mono.error(
                () ->
                    new NotFoundException(
                        "Организации без муниципалитета региона " + regionPart + " не найдены")));
  }

  private Mono<Respondent> organizationRespondent(
      Caller caller, VisibleForm vf, String login, Long municipalityId) {
    if (municipalityId != null) {
      return Mono.error(
          new InvalidRequestException(
              "municipalityId", "Эту форму заполняют организации: укажите organization"));
    }
    Visibility visibility = Visibility.of(caller);
    Mono<org.oko.orgs.OrganizationRef> org;
    if (login == null) {
      if (caller.role() != Role.ORGANIZATION) {
        return Mono.error(
            new InvalidRequestException(
                "organization", "Укажите логин организации, чей отчёт нужен (organization)"));
      }
      org = organizations.byId(caller.organizationId());
    } else {
      org =
          organizations
              .byLogin(login)
              .filter(visibility::seesOrganization)
              .switchIfEmpty(
                  Mono.error(
                      () -> new NotFoundException("Организация «" + login + "» не найдена")));
    }
    return org.flatMap(
        o ->
            respondents
                .organization(vf.campaign().id(), vf.form().kindsIn(vf.campaign()), o.id())
                .switchIfEmpty(Mono.error(() -> notARespondent(o.login()))));
  }

  private static NotFoundException notARespondent(String login) {
    return new NotFoundException(
        "Организация «"
            + login
            + "» не заполняет эту форму: её нет в опубликованной выборке кампании");
  }

  /**
   * The respondent of a municipal form: a municipality, or for a responsible coordinator its
   * region's part of organizations without a municipality (seed 003 11.4), which only it fills. The
   * part is in scope by the one rule, {@link Visibility#coversPart}.
   */
  private Mono<Respondent> municipalityRespondent(
      Caller caller, VisibleForm vf, String organization, Long municipalityId) {
    if (caller.role() == Role.ORGANIZATION) {
      return Mono.error(new AccessDeniedException());
    }
    if (organization != null) {
      return Mono.error(
          new InvalidRequestException(
              "organization", "Эту форму заполняют муниципалитеты: укажите municipalityId"));
    }
    Visibility visibility = Visibility.of(caller);
    if (caller.role() == Role.RESPONSIBLE && municipalityId == null) {
      return respondents
          .regionPart(vf.campaign().id(), caller.regionCode())
          .filter(p -> visibility.coversPart(p.regionCode(), null))
          .switchIfEmpty(Mono.error(() -> FormAccess.notFound(vf.form().id())));
    }
    Long id = municipalityId != null ? municipalityId : caller.municipalityId();
    if (id == null) {
      return Mono.error(
          new InvalidRequestException(
              "municipalityId", "Укажите муниципалитет, чей отчёт нужен (municipalityId)"));
    }
    return respondents
        .municipality(vf.campaign().id(), id)
        .filter(m -> visibility.coversPart(m.regionCode(), m.municipalityId()))
        .switchIfEmpty(
            Mono.error(() -> new NotFoundException("Муниципалитет " + id + " не найден")));
  }
}
