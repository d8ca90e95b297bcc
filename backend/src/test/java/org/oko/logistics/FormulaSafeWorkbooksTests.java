package org.oko.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oko.campaigns.Subject;
import org.oko.orgs.OrganizationRef;

/**
 * Names come from registries and uploads; one that starts like a formula must reach the user as the
 * text it is, in both workbooks.
 */
class FormulaSafeWorkbooksTests {

  private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"Школа\")";

  private final OrganizationRef org =
      new OrganizationRef(1, "edu649901", FORMULA, "64", 7L, "+Муниципалитет");
  private final SelectedOrganization entry = new SelectedOrganization(org, 5, List.of("rus-4"));
  private final List<Subject> subjects =
      List.of(new Subject("rus-4", "-Русский язык", 4, null, List.of()));

  @Test
  void theTransferStatementPrefixesFormulaLikeTextWithAnApostrophe() {
    byte[] xlsx =
        TransferStatementWorkbook.write(
            "@ВПР 2026",
            "Саратовская область (64)",
            List.of(
                new TransferStatementWorkbook.Line(
                    org, MaterialRules.summaryOf(entry, subjects), 0)));

    List<List<String>> rows = LogisticsFixture.rows(xlsx);
    assertThat(rows.get(1)).first().isEqualTo("'@ВПР 2026");
    assertThat(rows.get(TransferStatementWorkbook.HEADER_ROW + 1))
        .startsWith("1", "edu649901", "'" + FORMULA, "'+Муниципалитет", "5", "1");
  }

  @Test
  void theInventoryPrefixesFormulaLikeTextWithAnApostrophe() {
    byte[] xlsx = InventoryWorkbook.write("ВПР 2026", org, MaterialRules.of(entry, subjects));

    List<List<String>> rows = LogisticsFixture.rows(xlsx);
    assertThat(rows).anyMatch(r -> r.contains("'" + FORMULA));
    assertThat(rows).anyMatch(r -> r.contains("'+Муниципалитет"));
    assertThat(rows)
        .contains(List.of("1", "4", "'-Русский язык", "Индивидуальный комплект (ИК)", "5"));
  }
}
