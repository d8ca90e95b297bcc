package org.oko.forms;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.oko.platform.excel.FormulaSafe;
import org.oko.platform.excel.WorkbookReader;

/**
 * What a form template was made for, written to the very hidden sheet {@value
 * FormWorkbookNames#SIGNATURE} and checked on upload before any data is read: a template of another
 * form, another respondent or an older definition is refused.
 *
 * <p>The sheet holds key–value pairs as text (column A the key, column B the value), so that
 * reading them never depends on number formats.
 *
 * @param organizationId the respondent organization, for an {@code ORGANIZATION} form; else null
 * @param municipalityId the respondent municipality, for a {@code MUNICIPALITY} form; else null
 */
record TemplateSignature(
    long formId,
    long definitionVersion,
    RespondentKind respondentKind,
    Long organizationId,
    Long municipalityId,
    long campaignId,
    String regionCode) {

  /** What the first row says, so that a sheet merely named «Подпись» is not taken for ours. */
  static final String MARKER = "oko-form-template";

  static final String FORMAT = "1";

  static final String NOT_A_TEMPLATE =
      "Это не шаблон этой формы: скачайте шаблон кнопкой «Сформировать excel шаблон» и"
          + " заполните его";

  private static final String FORM = "form";
  private static final String FORM_TITLE = "formTitle";
  private static final String VERSION = "definitionVersion";
  private static final String CAMPAIGN = "campaign";
  private static final String RESPONDENT = "respondent";
  private static final String ORGANIZATION = "organization";
  private static final String MUNICIPALITY = "municipality";
  private static final String REGION_PART = "regionPart";

  /** The longest form title kept on the sheet (it is only used to name the form in a message). */
  private static final int MAX_TITLE = 200;

  TemplateSignature {
    if (respondentKind == RespondentKind.ORGANIZATION
        ? organizationId == null || municipalityId != null || regionCode != null
        : organizationId != null || (municipalityId == null) == (regionCode == null)) {
      throw new IllegalArgumentException("The respondent's id must match its kind");
    }
  }

  static TemplateSignature forOrganization(
      long formId, long definitionVersion, long campaignId, long organizationId) {
    return new TemplateSignature(
        formId,
        definitionVersion,
        RespondentKind.ORGANIZATION,
        organizationId,
        null,
        campaignId,
        null);
  }

  static TemplateSignature forMunicipality(
      long formId, long definitionVersion, long campaignId, Long municipalityId) {
    return new TemplateSignature(
        formId,
        definitionVersion,
        RespondentKind.MUNICIPALITY,
        null,
        municipalityId,
        campaignId,
        null);
  }

  /**
   * A region's part of a municipal form (its organizations without a municipality, seed 003 11.4):
   * the template records the region, so one region's file is not taken for another's.
   */
  static TemplateSignature forRegionPart(
      long formId, long definitionVersion, long campaignId, String regionCode) {
    return new TemplateSignature(
        formId, definitionVersion, RespondentKind.MUNICIPALITY, null, null, campaignId, regionCode);
  }

  /** Whether both name the same respondent (the versions and forms aside). */
  boolean sameRespondent(TemplateSignature other) {
    return respondentKind == other.respondentKind
        && java.util.Objects.equals(organizationId, other.organizationId)
        && java.util.Objects.equals(municipalityId, other.municipalityId)
        && java.util.Objects.equals(regionCode, other.regionCode);
  }

  /** Adds the very hidden, protected signature sheet to {@code workbook} (as its last sheet). */
  void writeTo(Workbook workbook, String formTitle) {
    Sheet sheet = workbook.createSheet(FormWorkbookNames.SIGNATURE);
    Map<String, String> pairs = new LinkedHashMap<>();
    pairs.put(MARKER, FORMAT);
    pairs.put(FORM, String.valueOf(formId));
    pairs.put(
        FORM_TITLE,
        formTitle == null
            ? ""
            : FormulaSafe.text(
                formTitle.length() > MAX_TITLE ? formTitle.substring(0, MAX_TITLE) : formTitle));
    pairs.put(VERSION, String.valueOf(definitionVersion));
    pairs.put(CAMPAIGN, String.valueOf(campaignId));
    pairs.put(RESPONDENT, respondentKind.name());
    pairs.put(ORGANIZATION, organizationId == null ? "" : organizationId.toString());
    pairs.put(MUNICIPALITY, municipalityId == null ? "" : municipalityId.toString());
    pairs.put(REGION_PART, regionCode == null ? "" : regionCode);
    int r = 0;
    for (Map.Entry<String, String> pair : pairs.entrySet()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(pair.getKey());
      row.createCell(1).setCellValue(pair.getValue());
    }
    sheet.protectSheet("");
    workbook.setSheetVisibility(
        workbook.getSheetIndex(FormWorkbookNames.SIGNATURE), SheetVisibility.VERY_HIDDEN);
  }

  /**
   * The signature in the pairs read from the sheet, or null when they are not one (no marker, a
   * value missing or malformed): such a file is not a template of this system.
   */
  static TemplateSignature parse(Map<String, String> pairs) {
    if (!FORMAT.equals(pairs.get(MARKER))) {
      return null;
    }
    try {
      RespondentKind kind = RespondentKind.valueOf(pairs.get(RESPONDENT));
      return new TemplateSignature(
          Long.parseLong(pairs.get(FORM)),
          Long.parseLong(pairs.get(VERSION)),
          kind,
          optionalId(pairs.get(ORGANIZATION)),
          optionalId(pairs.get(MUNICIPALITY)),
          Long.parseLong(pairs.get(CAMPAIGN)),
          optionalText(pairs.get(REGION_PART)));
    } catch (RuntimeException e) {
      return null; // a damaged signature is as good as none
    }
  }

  /** The signature sheet's rows read at most (its pairs are on the first few). */
  private static final int MAX_SIGNATURE_ROWS = 50;

  /**
   * Why this workbook is refused as a whole ({@link #refusal(Map, TemplateSignature)}), or null.
   */
  static String refusal(WorkbookReader workbook, TemplateSignature expected) {
    Map<String, String> pairs = new HashMap<>();
    boolean found =
        workbook.readSheet(
            FormWorkbookNames.SIGNATURE,
            (number, row) -> {
              String key = row.get(0);
              if (number <= MAX_SIGNATURE_ROWS && key != null) {
                String value = row.get(1);
                pairs.put(key.strip(), value == null ? "" : value.strip());
              }
            });
    return refusal(found ? pairs : Map.of(), expected);
  }

  /**
   * Why a file signed with these pairs is refused as a whole when this respondent would download
   * {@code expected} now — not a template of this form, another form's, another respondent's, an
   * older version's — or null when it is this respondent's current template.
   */
  static String refusal(Map<String, String> pairs, TemplateSignature expected) {
    TemplateSignature signature = parse(pairs);
    if (signature == null
        || signature.formId() == expected.formId()
            && (signature.campaignId() != expected.campaignId()
                || signature.definitionVersion() > expected.definitionVersion())) {
      return NOT_A_TEMPLATE;
    }
    if (signature.formId() != expected.formId()) {
      String title = formTitle(pairs);
      return "Это шаблон другой формы («"
          + (title != null ? title : "№ " + signature.formId())
          + "»): скачайте шаблон этой формы кнопкой «Сформировать excel шаблон»";
    }
    if (!signature.sameRespondent(expected)) {
      if (expected.regionCode() != null) {
        return "Шаблон сформирован не для организаций без муниципалитета региона "
            + expected.regionCode()
            + ": скачайте шаблон этой части региона";
      }
      return expected.respondentKind() == RespondentKind.MUNICIPALITY
          ? "Шаблон сформирован для другого муниципалитета: скачайте свой шаблон"
          : "Шаблон сформирован для другой организации: скачайте свой шаблон";
    }
    if (signature.definitionVersion() < expected.definitionVersion()) {
      return "Шаблон устарел: форма изменена (версия "
          + expected.definitionVersion()
          + "), скачайте новый шаблон";
    }
    return null;
  }

  /** The form's title as written with the signature, or null. */
  static String formTitle(Map<String, String> pairs) {
    String title = pairs.get(FORM_TITLE);
    if (title == null || title.isBlank()) {
      return null;
    }
    title = title.strip();
    return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
  }

  private static String optionalText(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Long optionalId(String value) {
    return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
  }
}
