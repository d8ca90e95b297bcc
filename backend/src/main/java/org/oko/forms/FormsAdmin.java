package org.oko.forms;

import java.util.List;
import java.util.Map;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Responses made by the system itself (the demo data): an organization's response submitted as if
 * it had pressed «Сдать отчёт» while its stage was open — the same checks, a frozen version and
 * {@link FormSubmitted} — without the stage's window, as a migration of past data would write it.
 */
@Component
public class FormsAdmin {

  private final FormAccess access;
  private final ResponseWriteService writes;
  private final OrganizationDirectory organizations;

  FormsAdmin(FormAccess access, ResponseWriteService writes, OrganizationDirectory organizations) {
    this.access = access;
    this.writes = writes;
    this.organizations = organizations;
  }

  /**
   * Submits {@code sheets} as the organization's response to the form; fails when the form refuses
   * them (the demo's data is wrong), so nothing of the demo is half-written.
   */
  public Mono<Void> submitAsOrganization(
      long formId, long organizationId, Map<String, List<Map<String, String>>> sheets) {
    return organizations
        .byId(organizationId)
        .map(FormsAdmin::callerOf)
        .flatMap(caller -> submit(caller, formId, sheets))
        .then();
  }

  private Mono<Long> submit(
      Caller caller, long formId, Map<String, List<Map<String, String>>> sheets) {
    return access
        .target(caller, formId, null, null)
        .flatMap(t -> writes.validate(t, sheets).flatMap(v -> submitValid(caller, t, v)));
  }

  private Mono<Long> submitValid(Caller caller, ResponseTarget t, FormValidation v) {
    if (!v.problems().isEmpty()) {
      return Mono.error(
          new IllegalStateException(
              "The demo's response to form "
                  + t.form().id()
                  + " has problems: "
                  + v.problems().list()));
    }
    return writes.submitValid(caller, t, null, v.content());
  }

  private static Caller callerOf(OrganizationRef o) {
    return new Caller(
        o.login(), o.name(), Role.ORGANIZATION, o.regionCode(), o.municipalityId(), o.id());
  }
}
