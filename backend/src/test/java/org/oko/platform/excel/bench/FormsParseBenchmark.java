package org.oko.platform.excel.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.oko.forms.ColumnSpec;
import org.oko.forms.ColumnType;
import org.oko.forms.FormProblems;
import org.oko.forms.FormSchema;
import org.oko.forms.FormSchemas;
import org.oko.forms.SheetSpec;
import org.oko.forms.SheetValidator;
import org.oko.platform.excel.CellRef;
import org.oko.platform.excel.WorkbookReader;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The forms parse benchmark: a ВПР results protocol of many rows, read by OKO's {@link
 * WorkbookReader} (bare, and with the form's {@link SheetValidator}) and by three baselines. Not a
 * test: run by {@code backend/bench/forms-parse.sh}, each case in a fresh JVM with its own heap
 * limit, results in {@code docs/benchmarks.md}.
 *
 * <pre>
 * generate FILE ROWS            writes the protocol (SXSSF, shared strings for the class)
 * run CASE FILE [WARMUP] [RUNS] reads it WARMUP times, then RUNS times measured; prints one line
 *   CASE: ours-read | ours-validate | fastexcel | poi-sax | poi-usermodel
 * </pre>
 *
 * <p>Peak heap is taken from the garbage collector's own reports (heap in use just before each
 * collection, and live just after), so it is exact at every collection, not sampled.
 */
public final class FormsParseBenchmark {

  static final String SHEET = "Результаты";

  /** Maximum score per task of the benchmark's subject (7 tasks, as a 4th-grade paper). */
  static final int[] TASK_MAX = {1, 2, 1, 2, 3, 2, 4};

  static final String[] CLASSES = classes();

  private FormsParseBenchmark() {}

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    if (args.length >= 3 && args[0].equals("generate")) {
      generate(Path.of(args[1]), Integer.parseInt(args[2]));
    } else if (args.length >= 3 && args[0].equals("run")) {
      run(
          args[1],
          Path.of(args[2]),
          args.length > 3 ? Integer.parseInt(args[3]) : 1,
          args.length > 4 ? Integer.parseInt(args[4]) : 3);
    } else {
      System.err.println("usage: generate FILE ROWS | run CASE FILE [WARMUP] [RUNS]");
      System.exit(2);
    }
  }

  /** The protocol: class, participant code, variant, a score per task, total; one header row. */
  static void generate(Path file, int rows) throws Exception {
    Random random = new Random(42);
    try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, true);
        OutputStream out = Files.newOutputStream(file)) {
      SXSSFSheet sheet = wb.createSheet(SHEET);
      SXSSFRow header = sheet.createRow(0);
      header.createCell(0).setCellValue("Класс");
      header.createCell(1).setCellValue("Код участника");
      header.createCell(2).setCellValue("Вариант");
      for (int t = 0; t < TASK_MAX.length; t++) {
        header.createCell(3 + t).setCellValue("Задание " + (t + 1));
      }
      header.createCell(3 + TASK_MAX.length).setCellValue("Сумма баллов");
      for (int r = 1; r <= rows; r++) {
        SXSSFRow row = sheet.createRow(r);
        row.createCell(0).setCellValue(CLASSES[(r / 25) % CLASSES.length]);
        row.createCell(1).setCellValue(640_010_000L + r);
        row.createCell(2).setCellValue(1 + r % 2);
        int total = 0;
        for (int t = 0; t < TASK_MAX.length; t++) {
          int score = random.nextInt(TASK_MAX[t] + 1);
          total += score;
          row.createCell(3 + t).setCellValue(score);
        }
        row.createCell(3 + TASK_MAX.length).setCellValue(total);
      }
      wb.write(out);
    }
    System.out.printf(
        "generated %s: %d rows × %d cells, %.1f MB%n",
        file, rows + 1, 4 + TASK_MAX.length, Files.size(file) / 1048576.0);
  }

  /** The form's sheet as the forms feature defines it: tasks expanded from the subject. */
  static SheetSpec resultsProtocol() {
    SheetSpec typed =
        new SheetSpec(
            "results",
            SHEET,
            SheetSpec.Layout.TABLE,
            List.of(
                ColumnSpec.of("class", "Класс", ColumnType.TEXT).asRequired().withMaxLength(10),
                ColumnSpec.of("code", "Код участника", ColumnType.PARTICIPANT_CODE)
                    .asRequired()
                    .asUnique(),
                ColumnSpec.of("variant", "Вариант", ColumnType.INTEGER)
                    .asRequired()
                    .withRange(1, 20),
                ColumnSpec.of("scores", "Баллы", ColumnType.TASK_SCORES).asRequired(),
                ColumnSpec.of("total", "Сумма баллов", ColumnType.COMPUTED_SUM)
                    .withSumOf(List.of(FormSchemas.ALL_TASKS))),
            List.of(),
            SheetSpec.Prefill.NONE,
            null,
            500_000);
    List<FormSchemas.Task> tasks = new ArrayList<>();
    for (int t = 0; t < TASK_MAX.length; t++) {
      tasks.add(new FormSchemas.Task(String.valueOf(t + 1), TASK_MAX[t]));
    }
    return FormSchemas.prepare(new FormSchema(List.of(typed)), tasks).sheets().get(0);
  }

  static void run(String name, Path file, int warmup, int runs) throws Exception {
    Case work = caseNamed(name);
    Heap heap = Heap.watch();
    for (int i = 0; i < warmup; i++) {
      work.read(file);
    }
    long[] nanos = new long[runs];
    Result result = null;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      result = work.read(file);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    double median = nanos[runs / 2] / 1e9;
    double best = nanos[0] / 1e9;
    System.out.printf(
        "RESULT case=%s xmx_mb=%d rows=%d cells=%d problems=%d median_s=%.3f best_s=%.3f"
            + " rows_per_s=%.0f peak_heap_mb=%.1f max_live_mb=%.1f%n",
        name,
        Runtime.getRuntime().maxMemory() / 1048576,
        result.rows(),
        result.cells(),
        result.problems(),
        median,
        best,
        result.rows() / median,
        heap.peakBytes() / 1048576.0,
        heap.maxLiveBytes() / 1048576.0);
  }

  record Result(long rows, long cells, long problems) {}

  @FunctionalInterface
  interface Case {
    Result read(Path file) throws Exception;
  }

  static Case caseNamed(String name) {
    switch (name) {
      case "ours-read":
        return FormsParseBenchmark::oursRead;
      case "ours-validate":
        return FormsParseBenchmark::oursValidate;
      case "fastexcel":
        return FormsParseBenchmark::fastexcel;
      case "poi-sax":
        return FormsParseBenchmark::poiSax;
      case "poi-usermodel":
        return FormsParseBenchmark::poiUsermodel;
      default:
        throw new IllegalArgumentException("unknown case " + name);
    }
  }

  /** OKO's reader: every cell's text, as the forms upload gets it. */
  static Result oursRead(Path file) {
    long[] counts = new long[3];
    try (WorkbookReader reader = WorkbookReader.open(file, WorkbookReader.Limits.DEFAULT)) {
      reader.readSheet(
          SHEET,
          (number, row) -> {
            counts[0]++;
            for (int i = 0; i < row.width(); i++) {
              String value = row.get(i);
              if (value != null) {
                counts[1]++;
                counts[2] += value.length();
              }
            }
          });
    }
    return new Result(counts[0], counts[1], 0);
  }

  /** OKO's reader feeding the form's validator, as the upload does: rows checked and kept. */
  static Result oursValidate(Path file) {
    SheetSpec spec = resultsProtocol();
    FormProblems problems = new FormProblems();
    AtomicLong accepted = new AtomicLong();
    AtomicLong cells = new AtomicLong();
    SheetValidator validator =
        new SheetValidator(
            spec,
            null,
            problems,
            (row, column) -> CellRef.columnLetters(column) + row,
            values -> accepted.incrementAndGet());
    int width = spec.columns().size();
    try (WorkbookReader reader = WorkbookReader.open(file, WorkbookReader.Limits.DEFAULT)) {
      reader.readSheet(
          SHEET,
          (number, row) -> {
            if (number == 1) {
              return; // the header
            }
            String[] values = new String[width];
            for (int i = 0; i < width; i++) {
              values[i] = row.get(i);
            }
            cells.addAndGet(row.width());
            validator.row(number, values);
          });
    }
    validator.finish();
    return new Result(accepted.get(), cells.get(), problems.count());
  }

  /** The baseline: fastexcel-reader (aalto StAX), every cell's text. */
  static Result fastexcel(Path file) throws Exception {
    long[] counts = new long[3];
    try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile());
        Stream<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().openStream()) {
      rows.forEach(
          row -> {
            counts[0]++;
            for (int i = 0; i < row.getCellCount(); i++) {
              var cell = row.getCell(i);
              if (cell != null) {
                String text = cell.getText();
                counts[1]++;
                counts[2] += text.length();
              }
            }
          });
    }
    return new Result(counts[0], counts[1], 0);
  }

  /** POI's stock event reader: XSSFSheetXMLHandler formatting each cell with a DataFormatter. */
  static Result poiSax(Path file) throws Exception {
    long[] counts = new long[3];
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      var strings = new ReadOnlySharedStringsTable(pkg);
      var sheets = reader.getSheetIterator();
      try (var in = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(
            new XSSFSheetXMLHandler(
                reader.getStylesTable(),
                null,
                strings,
                new XSSFSheetXMLHandler.SheetContentsHandler() {
                  @Override
                  public void startRow(int rowNum) {
                    counts[0]++;
                  }

                  @Override
                  public void endRow(int rowNum) {}

                  @Override
                  public void cell(String reference, String value, XSSFComment comment) {
                    counts[1]++;
                    counts[2] += value == null ? 0 : value.length();
                  }
                },
                new DataFormatter(),
                false));
        parser.parse(new InputSource(in));
      }
      pkg.revert();
    }
    return new Result(counts[0], counts[1], 0);
  }

  /** POI's whole-workbook model: every cell in memory, then formatted. */
  static Result poiUsermodel(Path file) throws Exception {
    long[] counts = new long[3];
    DataFormatter formatter = new DataFormatter();
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        XSSFWorkbook wb = new XSSFWorkbook(pkg)) {
      for (var row : wb.getSheet(SHEET)) {
        counts[0]++;
        for (Cell cell : row) {
          counts[1]++;
          counts[2] += formatter.formatCellValue(cell).length();
        }
      }
      pkg.revert();
    }
    return new Result(counts[0], counts[1], 0);
  }

  private static String[] classes() {
    List<String> classes = new ArrayList<>();
    for (int grade = 4; grade <= 8; grade++) {
      for (char letter : "АБВГДЕЖЗ".toCharArray()) {
        classes.add(grade + String.valueOf(letter));
      }
    }
    return classes.toArray(String[]::new);
  }

  /** The heap as the collector reports it: in use before each collection, live after it. */
  static final class Heap {
    private long peak;
    private long maxLive;

    static Heap watch() {
      Heap heap = new Heap();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc)
            .addNotificationListener(
                (notification, handback) -> {
                  if (!notification
                      .getType()
                      .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                  }
                  var info =
                      GarbageCollectionNotificationInfo.from(
                          (CompositeData) notification.getUserData());
                  heap.record(
                      sum(info.getGcInfo().getMemoryUsageBeforeGc()),
                      sum(info.getGcInfo().getMemoryUsageAfterGc()));
                },
                null,
                null);
      }
      return heap;
    }

    /** The heap pools' use (a collector's report also lists metaspace and the code cache). */
    private static long sum(java.util.Map<String, MemoryUsage> pools) {
      long used = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        MemoryUsage usage = pool.getType() == MemoryType.HEAP ? pools.get(pool.getName()) : null;
        used += usage == null ? 0 : usage.getUsed();
      }
      return used;
    }

    synchronized void record(long before, long after) {
      peak = Math.max(peak, before);
      maxLive = Math.max(maxLive, after);
    }

    synchronized long peakBytes() {
      return Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    synchronized long maxLiveBytes() {
      return maxLive;
    }
  }
}
