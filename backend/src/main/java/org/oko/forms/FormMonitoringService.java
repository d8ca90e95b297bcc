package org.oko.forms;

import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.Paging;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Which respondents of a form in the coordinator's part (narrowed to a region or municipality when
 * asked) have not started, have a draft or submitted; a page of them, or all for the export.
 */
@Service
class FormMonitoringService {

  static final Role[] COORDINATORS = {
    Role.FEDERAL, Role.REGIONAL, Role.MUNICIPAL, Role.RESPONSIBLE
  };

  /** Which respondents: the form, where, and of which status (each null for all). */
  record Filter(long formId, String regionCode, Long municipalityId, ResponseStatus status) {}

  /** The export's lines, and the form they are of. */
  record Export(FormDefinitionRow form, FormMonitoringStore.Result result) {}

  private final FormAccess access;
  private final OrganizationDirectory organizations;
  private final FormMonitoringStore store;

  FormMonitoringService(
      FormAccess access, OrganizationDirectory organizations, FormMonitoringStore store) {
    this.access = access;
    this.organizations = organizations;
    this.store = store;
  }

  Mono<FormMonitoringStore.Result> page(Caller caller, Filter filter, Paging paging) {
    return query(caller, filter, paging.size(), paging.offset()).map(Export::result);
  }

  Mono<Export> all(Caller caller, Filter filter) {
    return query(caller, filter, Integer.MAX_VALUE, 0);
  }

  /**
   * The region the lines are narrowed to: the one asked for, or a region's own form's — whose
   * respondents are that region's only (another region asked for is a 404).
   */
  private static String region(FormDefinitionRow form, Filter filter) {
    if (form.regional()
        && filter.regionCode() != null
        && !filter.regionCode().equals(form.regionCode())) {
      throw new NotFoundException("Регион «" + filter.regionCode() + "» не найден");
    }
    return form.regional() ? form.regionCode() : filter.regionCode();
  }

  private Mono<Export> query(Caller caller, Filter filter, int limit, long offset) {
    return access
        .visible(caller, filter.formId())
        .flatMap(
            vf ->
                organizations
                    .narrowed(
                        Visibility.of(caller), region(vf.form(), filter), filter.municipalityId())
                    .flatMap(part -> store.query(vf, part, filter.status(), limit, offset))
                    .map(result -> new Export(vf.form(), result)));
  }
}
