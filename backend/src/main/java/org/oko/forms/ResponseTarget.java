package org.oko.forms;

import java.util.List;
import java.util.Map;
import org.oko.forms.FormAccess.VisibleForm;

/** What a request about a response is about: the form, the respondent and its pre-filled rows. */
record ResponseTarget(
    VisibleForm visible, Respondent respondent, Map<String, List<Map<String, String>>> prefill) {

  FormDefinitionRow form() {
    return visible.form();
  }

  FormSchema schema() {
    return visible.form().schema();
  }

  long definitionVersion() {
    return visible.form().version();
  }

  /** The signature a template of this form for this respondent carries. */
  TemplateSignature signature() {
    FormDefinitionRow form = form();
    return respondent.isOrganization()
        ? TemplateSignature.forOrganization(
            form.id(), form.version(), form.campaignId(), respondent.organizationId())
        : respondent.isRegionPart()
            ? TemplateSignature.forRegionPart(
                form.id(), form.version(), form.campaignId(), respondent.regionCode())
            : TemplateSignature.forMunicipality(
                form.id(), form.version(), form.campaignId(), respondent.municipalityId());
  }
}
