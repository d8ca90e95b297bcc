package org.oko.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.kits.KitDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.security.AccessDeniedException;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NotFoundException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may see a form and whose response a request is about. A form is seen by everyone taking part
 * in its campaign, except that an organization sees only the forms it fills; a respondent's
 * response is read by the respondent and the coordinators above it ({@link Visibility}) and written
 * only by the respondent itself. Anything outside the caller's part is a 404.
 */
@Component
class FormAccess {

  /** A form and its campaign, as the caller sees them. */
  record VisibleForm(FormDefinitionRow form, CampaignInfo campaign) {}

  private final FormDefinitionStore definitions;
  private final CampaignDirectory campaigns;
  private final RespondentStore respondents;
  private final RespondentAccess respondentAccess;
  private final KitDirectory kits;
  private final ObjectivitySignsDirectory signs;

  FormAccess(
      FormDefinitionStore definitions,
      CampaignDirectory campaigns,
      RespondentAccess respondentAccess,
      RespondentStore respondents,
      KitDirectory kits,
      ObjectivitySignsDirectory signs) {
    this.definitions = definitions;
    this.campaigns = campaigns;
    this.respondentAccess = respondentAccess;
    this.respondents = respondents;
    this.kits = kits;
    this.signs = signs;
  }

  /**
   * The region whose own form the caller creates: a regional coordinator's (seed 003 11.4/12), or
   * null for the federal organizer's forms.
   */
  static String ownerRegion(Caller caller) {
    return caller.role() == Role.REGIONAL ? caller.regionCode() : null;
  }

  /**
   * 403 unless the caller owns the form it sees: the federal organizer its forms, a regional
   * coordinator its region's own. A region cannot change a federal form, nor the federal organizer
   * a region's (another region's form is a 404 already, {@link #visible}).
   */
  static Mono<VisibleForm> requireOwner(Caller caller, VisibleForm vf) {
    String region = vf.form().regionCode();
    boolean owner =
        region == null
            ? caller.role() == Role.FEDERAL
            : caller.role() == Role.REGIONAL && region.equals(caller.regionCode());
    return owner ? Mono.just(vf) : Mono.error(new AccessDeniedException());
  }

  /**
   * Whether the caller's part of the hierarchy reaches the form's: a federal form is every
   * region's, a region's own form only the part inside that region sees (the one scope rule, {@link
   * Visibility#seesRegion}).
   */
  static boolean reaches(Caller caller, FormDefinitionRow form) {
    if (!form.regional()) {
      return true;
    }
    return switch (caller.role()) {
      case FEDERAL, REGIONAL, API_CLIENT, MUNICIPAL, RESPONSIBLE, ORGANIZATION ->
          Visibility.of(caller).seesRegion(form.regionCode());
      default -> false;
    };
  }

  /** The form and respondent a request is about, in the caller's scope (404 outside it). */
  Mono<ResponseTarget> target(
      Caller caller, long formId, String organization, Long municipalityId) {
    return target(caller, formId, organization, municipalityId, null);
  }

  /**
   * The same, the respondent possibly named as a region's part ({@code regionPart}: its
   * organizations without a municipality, seed 003 11.4).
   */
  Mono<ResponseTarget> target(
      Caller caller, long formId, String organization, Long municipalityId, String regionPart) {
    return visible(caller, formId)
        .flatMap(
            vf ->
                respondentAccess
                    .respondent(caller, vf, organization, municipalityId, regionPart)
                    .filter(r -> vf.form().addresses(r))
                    .switchIfEmpty(Mono.error(() -> notFound(formId)))
                    .flatMap(r -> prefill(vf, r).map(p -> new ResponseTarget(vf, r, p))));
  }

  /** The rows pre-filled for the respondent, by sheet. */
  private Mono<Map<String, List<Map<String, String>>>> prefill(VisibleForm vf, Respondent r) {
    Mono<Map<String, List<Map<String, String>>>> stored =
        r.isOrganization()
            ? definitions.storedPrefill(vf.form().id(), r.organizationId())
            : Mono.just(Map.of());
    return Mono.zip(stored, sampleRows(vf, r), kitNumbers(vf, r))
        .map(p -> prefilled(vf.form().schema(), p.getT1(), p.getT2(), p.getT3()));
  }

  private Mono<List<Map<String, String>>> sampleRows(VisibleForm vf, Respondent r) {
    boolean sample = !r.isOrganization() && fills(vf.form(), SheetSpec.Prefill.MUNICIPALITY_SAMPLE);
    if (!sample) {
      return Mono.just(List.of());
    }
    Mono<List<Map<String, String>>> rows =
        respondents.sampleOf(vf.campaign().id(), vf.form().kindsIn(vf.campaign()), r);
    return withSigns(vf) ? rows.flatMap(list -> withSigns(vf, list)) : rows;
  }

  /** Whether a sample sheet of the form has the read-only column of objectivity signs. */
  private static boolean withSigns(VisibleForm vf) {
    return vf.form().schema().sheets().stream()
        .filter(s -> s.prefill() == SheetSpec.Prefill.MUNICIPALITY_SAMPLE)
        .anyMatch(s -> s.columnIndex(ObjectivitySignsDirectory.COLUMN) >= 0);
  }

  /** The sample's rows with each organization's objectivity signs from the results' reports. */
  private Mono<List<Map<String, String>>> withSigns(
      VisibleForm vf, List<Map<String, String>> rows) {
    List<String> logins = rows.stream().map(row -> row.get("login")).toList();
    return signs
        .signs(vf.campaign().id(), logins)
        .map(
            found -> {
              for (Map<String, String> row : rows) {
                row.put(ObjectivitySignsDirectory.COLUMN, found.get(row.get("login")));
              }
              return rows;
            });
  }

  private Mono<List<Long>> kitNumbers(VisibleForm vf, Respondent r) {
    FormDefinitionRow form = vf.form();
    boolean kitSheets =
        r.isOrganization() && form.subjectKey() != null && fills(form, SheetSpec.Prefill.KITS);
    return kitSheets
        ? kits.numbers(vf.campaign().id(), form.subjectKey(), r.organizationId()).collectList()
        : Mono.just(List.of());
  }

  private static boolean fills(FormDefinitionRow form, SheetSpec.Prefill prefill) {
    return form.schema().sheets().stream().anyMatch(s -> s.prefill() == prefill);
  }

  private static Map<String, List<Map<String, String>>> prefilled(
      FormSchema schema,
      Map<String, List<Map<String, String>>> stored,
      List<Map<String, String>> sampleRows,
      List<Long> kitNumbers) {
    Map<String, List<Map<String, String>>> prefill = new LinkedHashMap<>();
    for (SheetSpec sheet : schema.sheets()) {
      if (sheet.prefill() == SheetSpec.Prefill.STORED) {
        prefill.put(sheet.key(), stored.getOrDefault(sheet.key(), List.of()));
      } else if (sheet.prefill() == SheetSpec.Prefill.MUNICIPALITY_SAMPLE) {
        prefill.put(sheet.key(), sampleRows);
      } else if (sheet.prefill() == SheetSpec.Prefill.KITS) {
        List<Map<String, String>> rows = new ArrayList<>(kitNumbers.size());
        for (Long number : kitNumbers) {
          rows.add(Map.of(sheet.keyColumn(), Long.toString(number)));
        }
        prefill.put(sheet.key(), rows);
      }
    }
    return prefill;
  }

  Mono<VisibleForm> visible(Caller caller, long formId) {
    return definitions
        .find(formId)
        .filter(form -> reaches(caller, form))
        .switchIfEmpty(Mono.error(() -> notFound(formId)))
        .flatMap(
            form ->
                campaigns
                    .visibleTo(caller, form.campaignId())
                    .onErrorMap(NotFoundException.class, e -> notFound(formId))
                    .map(campaign -> new VisibleForm(form, campaign)))
        .flatMap(
            vf -> {
              if (caller.role() != Role.ORGANIZATION) {
                return Mono.just(vf);
              }
              if (!vf.form().byOrganizations()) {
                return Mono.error(notFound(formId));
              }
              return respondents
                  .kindOf(caller.organizationId())
                  .filter(kind -> vf.form().kindsIn(vf.campaign()).contains(kind))
                  .map(kind -> vf)
                  .switchIfEmpty(Mono.error(() -> notFound(formId)));
            });
  }

  /** Whether the caller is the respondent itself (only it fills and submits its response). */
  static boolean isRespondent(Caller caller, Respondent respondent) {
    if (respondent.isOrganization()) {
      return caller.role() == Role.ORGANIZATION
          && respondent.organizationId().equals(caller.organizationId());
    }
    if (respondent.isRegionPart()) {
      return caller.role() == Role.RESPONSIBLE
          && respondent.regionCode().equals(caller.regionCode());
    }
    return caller.role() == Role.MUNICIPAL
        && respondent.municipalityId().equals(caller.municipalityId());
  }

  /**
   * 403 unless the caller is the respondent, or a coordinator above it ({@link #coordinates}): the
   * one write coordinators have, returning a submitted report («Вернуть на доработку»).
   */
  static Mono<Respondent> requireRespondentOrCoordinator(Caller caller, Respondent respondent) {
    return isRespondent(caller, respondent) || coordinates(caller, respondent)
        ? Mono.just(respondent)
        : Mono.error(new AccessDeniedException());
  }

  /**
   * Whether the caller is a coordinator above the respondent: a federal, regional, municipal or
   * responsible coordinator other than the respondent itself, whose scope holds it ({@link
   * #respondent} has refused any other with 404 already).
   */
  static boolean coordinates(Caller caller, Respondent respondent) {
    return !isRespondent(caller, respondent)
        && (caller.role() == Role.FEDERAL
            || caller.role() == Role.REGIONAL
            || caller.role() == Role.MUNICIPAL
            || caller.role() == Role.RESPONSIBLE);
  }

  /** 403 unless the caller is the respondent: coordinators above it read, never write. */
  static Mono<Respondent> requireRespondent(Caller caller, Respondent respondent) {
    return isRespondent(caller, respondent)
        ? Mono.just(respondent)
        : Mono.error(new AccessDeniedException());
  }

  static NotFoundException notFound(long formId) {
    return new NotFoundException("Форма " + formId + " не найдена");
  }
}
