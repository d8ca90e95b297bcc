package org.oko.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;

/**
 * A bulk export's workbook (issue 23, "Bulk exports of any size"): its bytes leave before its last
 * row is read, and rows past a sheet's limit continue on a new sheet under the same header.
 */
class StreamedWorkbookTests {

  private static final List<String> HEADER = List.of("Регион", "Логин", "Ответ");

  @Test
  void rowsPastASheetsLimitContinueOnNewSheetsUnderTheSameHeader() throws IOException {
    Flux<List<Object>> rows = Flux.range(1, 7).map(n -> List.of("64", "ppo" + n, n * 1.5));
    byte[] xlsx = bytes(StreamedWorkbook.of("Ответы", HEADER, rows, factory(), 3));
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
      assertThat(workbook.getSheetName(1)).isEqualTo("Ответы (2)");
      List<String> logins = new ArrayList<>();
      for (int s = 0; s < 3; s++) {
        Sheet sheet = workbook.getSheetAt(s);
        assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Логин");
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
          logins.add(sheet.getRow(r).getCell(1).getStringCellValue());
        }
      }
      assertThat(logins).containsExactly("ppo1", "ppo2", "ppo3", "ppo4", "ppo5", "ppo6", "ppo7");
      var number = workbook.getSheetAt(2).getRow(1).getCell(2);
      assertThat(number.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(number.getNumericCellValue()).isEqualTo(10.5);
    }
  }

  @Test
  void theFirstBytesLeaveWhileRowsAreStillComing() {
    // Rows that never end: a workbook finished first would never send anything.
    Flux<List<Object>> endless =
        Flux.concat(
            Flux.range(1, 20_000).map(n -> List.<Object>of("64", "ppo" + n, "ответ " + n)),
            Flux.never());
    DataBuffer first =
        StreamedWorkbook.of("Ответы", HEADER, endless, factory())
            .take(1)
            .blockFirst(Duration.ofSeconds(30));
    assertThat(first).isNotNull();
    // a zip's local file header
    assertThat(first.getByte(0)).isEqualTo((byte) 'P');
    assertThat(first.getByte(1)).isEqualTo((byte) 'K');
    DataBufferUtils.release(first);
  }

  @Test
  void theHeaderLeavesBeforeTheFirstRowIsRead() {
    // The database still sorting: no row comes at all. The download must not stay silent
    // (issue 23: first byte within a second, whatever the export's order costs).
    DataBuffer first =
        StreamedWorkbook.of("Ответы", HEADER, Flux.never(), factory())
            .take(1)
            .blockFirst(Duration.ofSeconds(10));
    assertThat(first).isNotNull();
    assertThat(first.getByte(0)).isEqualTo((byte) 'P');
    DataBufferUtils.release(first);
  }

  @Test
  void textThatLooksLikeAFormulaStaysText() throws IOException {
    Flux<List<Object>> rows = Flux.just(List.of("64", "=HYPERLINK(\"x\")", "обычный"));
    byte[] xlsx = bytes(StreamedWorkbook.of("Ответы", HEADER, rows, factory()));
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var cell = workbook.getSheetAt(0).getRow(1).getCell(1);
      assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
      assertThat(cell.getStringCellValue()).isEqualTo("'=HYPERLINK(\"x\")");
    }
  }

  private static DefaultDataBufferFactory factory() {
    return DefaultDataBufferFactory.sharedInstance;
  }

  private static byte[] bytes(Flux<DataBuffer> chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    chunks
        .doOnNext(
            buffer -> {
              byte[] part = new byte[buffer.readableByteCount()];
              buffer.read(part);
              out.writeBytes(part);
              DataBufferUtils.release(buffer);
            })
        .blockLast(Duration.ofSeconds(60));
    return out.toByteArray();
  }
}
