package org.oko.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oko.platform.excel.WorkbookReader;

/** Schemas like the seeds' forms, and templates written, filled «in Excel» and read back. */
final class TemplateFixtures {

  static final long FORM = 11;
  static final long CAMPAIGN = 7;
  static final long ORGANIZATION = 640001;

  static final FormSchema PROTOCOL2 =
      FormSchemas.prepare(
          new FormSchema(
              List.of(
                  new SheetSpec(
                      "kits",
                      "Протокол 2",
                      null,
                      List.of(
                          ColumnSpec.of("kit", "Номер комплекта", ColumnType.TEXT).asReadOnly(),
                          ColumnSpec.of("comment", "Комментарий", ColumnType.ENUM)
                              .withOptions(List.of("использован", "испорчен", "не использован"))
                              .asRequired(),
                          ColumnSpec.of(
                              "school",
                              "Логин ОО, в которой работает учитель",
                              ColumnType.ORG_LOGIN)),
                      List.of(
                          new RowRuleSpec(
                              "comment", List.of("использован"), List.of("school"), null, null),
                          new RowRuleSpec(
                              "comment",
                              List.of("испорчен", "не использован"),
                              null,
                              List.of("school"),
                              null)),
                      SheetSpec.Prefill.STORED,
                      "kit",
                      null))),
          List.of());

  static final List<Map<String, String>> KITS =
      List.of(
          Map.of("kit", "501501"),
          Map.of("kit", "501502"),
          Map.of("kit", "501503"),
          Map.of("kit", "501504"),
          Map.of("kit", "501505"));

  /** A results protocol: code, variant, three tasks (max 1, 2, 2) under one group, the total. */
  static FormSchema results(Integer maxRows) {
    return FormSchemas.prepare(
        new FormSchema(
            List.of(
                new SheetSpec(
                    "results",
                    "Результаты",
                    null,
                    List.of(
                        ColumnSpec.of("code", "Код участника", ColumnType.PARTICIPANT_CODE)
                            .asRequired()
                            .asUnique(),
                        ColumnSpec.of("variant", "Вариант", ColumnType.INTEGER)
                            .withRange(1, 4)
                            .asRequired(),
                        ColumnSpec.of("tasks", "Баллы за задания", ColumnType.TASK_SCORES)
                            .asRequired(),
                        ColumnSpec.of("total", "Сумма баллов", ColumnType.COMPUTED_SUM)
                            .withSumOf(List.of("tasks"))),
                    null,
                    null,
                    null,
                    maxRows))),
        List.of(
            new FormSchemas.Task("1", 1),
            new FormSchemas.Task("2", 2),
            new FormSchemas.Task("3", 2)));
  }

  /** An organization questionnaire: one record. */
  static final FormSchema QUESTIONNAIRE =
      FormSchemas.prepare(
          new FormSchema(
              List.of(
                  new SheetSpec(
                      "about",
                      "Анкета ОО",
                      SheetSpec.Layout.RECORD,
                      List.of(
                          ColumnSpec.of("director", "ФИО руководителя", ColumnType.TEXT)
                              .withMaxLength(200)
                              .asRequired(),
                          ColumnSpec.of("teachers", "Число учителей", ColumnType.INTEGER)
                              .withRange(0, 1000)
                              .asRequired(),
                          ColumnSpec.of("assistants", "Число ассистентов", ColumnType.INTEGER)
                              .withRange(0, 1000),
                          ColumnSpec.of("staff", "Всего сотрудников", ColumnType.COMPUTED_SUM)
                              .withSumOf(List.of("teachers", "assistants")),
                          ColumnSpec.of("opened", "Дата открытия", ColumnType.DATE),
                          ColumnSpec.of("settlement", "Вид населённого пункта", ColumnType.ENUM)
                              .withOptions(
                                  List.of("город", "посёлок городского типа", "сельская местность"))
                              .asRequired()),
                      null,
                      null,
                      null,
                      null))),
          List.of());

  static TemplateSignature signature(long version) {
    return TemplateSignature.forOrganization(FORM, version, CAMPAIGN, ORGANIZATION);
  }

  static TemplateWorkbook template(
      FormSchema schema, TemplateSignature signature, Map<String, List<Map<String, String>>> rows) {
    return new TemplateWorkbook(
        "Протокол 2 (математика)",
        "Заполните столбцы «Комментарий» и «Логин ОО».\nНомера комплектов не меняйте.",
        schema,
        "МБОУ СОШ № 1",
        "edu640001",
        signature,
        rows);
  }

  static Path write(Path dir, TemplateWorkbook template) {
    try {
      Path file = Files.createTempFile(dir, "template", ".xlsx");
      try (OutputStream out = Files.newOutputStream(file)) {
        template.write(out);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens the file as a user would in Excel, lets {@code edit} change it and saves a copy. */
  static Path fill(Path file, Consumer<XSSFWorkbook> edit) {
    try {
      XSSFWorkbook workbook;
      try (InputStream in = Files.newInputStream(file)) {
        workbook = new XSSFWorkbook(in);
      }
      edit.accept(workbook);
      Path filled = Files.createTempFile(file.getParent(), "filled", ".xlsx");
      try (OutputStream out = Files.newOutputStream(filled)) {
        workbook.write(out);
      }
      workbook.close();
      return filled;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TemplateWorkbookReader read(
      Path file,
      FormSchema schema,
      TemplateSignature expected,
      Map<String, List<Map<String, String>>> prefill) {
    return TemplateWorkbookReader.read(
        file, schema, expected, prefill, WorkbookReader.Limits.DEFAULT);
  }

  /** A row (column key → value) from alternating keys and values; nulls are left out. */
  static Map<String, String> row(String... keysAndValues) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        row.put(keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return row;
  }

  private TemplateFixtures() {}
}
