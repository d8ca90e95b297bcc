package org.oko.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The events regional systems receive (docs/architecture.md, "Which events are read, and which are
 * the external contract") and the API URL of the resource each one changed, filled from the event's
 * own fields. A publication is here by {@code PublicationReleased}, written per region once its
 * release time has come there, never by {@code PublicationPublished}, which is written when it is
 * scheduled, before its audience may learn of it.
 */
final class ChangeCatalog {

  /** Type → the resource's URL, with {@code {field}} taken from the event. */
  private static final Map<String, String> RESOURCES = new LinkedHashMap<>();

  static {
    RESOURCES.put("forms.FormSubmitted", "/api/forms/{formId}/submissions");
    RESOURCES.put("forms.FormReopened", "/api/forms/{formId}/submissions");
    RESOURCES.put(
        "questionnaires.QuestionnaireSubmitted",
        "/api/campaigns/{campaignId}/questionnaire-responses");
    RESOURCES.put("scans.SheetStatusChanged", "/api/scan-sheets/{sheetId}");
    RESOURCES.put("observers.ObserverAssigned", "/api/campaigns/{campaignId}/observer-acts");
    RESOURCES.put("observers.ObserverPresenceMarked", "/api/campaigns/{campaignId}/observer-acts");
    RESOURCES.put("observers.ObserverActSubmitted", "/api/campaigns/{campaignId}/observer-acts");
    RESOURCES.put("sample.SamplePublished", "/api/campaigns/{campaignId}/sample");
    RESOURCES.put("campaigns.StageExtended", "/api/campaigns/{campaignId}/schedule");
    RESOURCES.put(
        "campaigns.RegionalWindowsChanged",
        "/api/campaigns/{campaignId}/stages/{stageCode}/regional-windows");
    RESOURCES.put("results.ReportReleased", "/api/campaigns/{campaignId}");
    RESOURCES.put("publications.PublicationReleased", "/api/publications/{publicationId}");
  }

  private static final Pattern FIELD = Pattern.compile("\\{(\\w+)}");

  private ChangeCatalog() {}

  static List<String> types() {
    return List.copyOf(RESOURCES.keySet());
  }

  /** The resource's URL, or null when the event lacks a field the URL needs. */
  static String resource(String type, Map<String, Object> event) {
    String template = RESOURCES.get(type);
    if (template == null) {
      return null;
    }
    Matcher field = FIELD.matcher(template);
    StringBuilder url = new StringBuilder();
    while (field.find()) {
      Object value = event.get(field.group(1));
      if (value == null) {
        return null;
      }
      field.appendReplacement(url, Matcher.quoteReplacement(value.toString()));
    }
    field.appendTail(url);
    return url.toString();
  }
}
