package org.oko.forms;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The few cell styles of a template ({@link TemplateWorkbook}). */
final class TemplateStyles {
  final CellStyle title;
  final CellStyle bold;
  final CellStyle wrap;
  final CellStyle header;
  final CellStyle group;
  final CellStyle label;
  final CellStyle note;
  final CellStyle editableText;
  final CellStyle editableNumber;
  final CellStyle editableDate;
  final CellStyle lockedText;
  final CellStyle lockedNumber;
  final CellStyle lockedDate;

  TemplateStyles(SXSSFWorkbook workbook) {
    DataFormat formats = workbook.createDataFormat();
    short textFormat = formats.getFormat("@");
    short dateFormat = formats.getFormat("dd.mm.yyyy");
    Font boldFont = workbook.createFont();
    boldFont.setBold(true);
    Font big = workbook.createFont();
    big.setBold(true);
    big.setFontHeightInPoints((short) 14);
    Font italic = workbook.createFont();
    italic.setItalic(true);

    title = workbook.createCellStyle();
    title.setFont(big);
    bold = workbook.createCellStyle();
    bold.setFont(boldFont);
    wrap = workbook.createCellStyle();
    wrap.setWrapText(true);
    wrap.setVerticalAlignment(VerticalAlignment.TOP);

    header = bordered(workbook);
    header.setFont(boldFont);
    header.setWrapText(true);
    header.setAlignment(HorizontalAlignment.CENTER);
    header.setVerticalAlignment(VerticalAlignment.CENTER);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setLocked(true);
    group = workbook.createCellStyle();
    group.cloneStyleFrom(header);
    label = bordered(workbook);
    label.setWrapText(true);
    label.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    label.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    label.setLocked(true);
    note = workbook.createCellStyle();
    note.setFont(italic);
    note.setWrapText(true);
    note.setVerticalAlignment(VerticalAlignment.TOP);
    note.setLocked(true);

    editableText = bordered(workbook);
    editableText.setLocked(false);
    editableText.setDataFormat(textFormat);
    editableNumber = bordered(workbook);
    editableNumber.setLocked(false);
    editableDate = bordered(workbook);
    editableDate.setLocked(false);
    editableDate.setDataFormat(dateFormat);

    lockedText = grey(workbook);
    lockedText.setDataFormat(textFormat);
    lockedNumber = grey(workbook);
    lockedDate = grey(workbook);
    lockedDate.setDataFormat(dateFormat);
  }

  private static CellStyle bordered(SXSSFWorkbook workbook) {
    CellStyle style = workbook.createCellStyle();
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
    IndexedColors border = IndexedColors.GREY_40_PERCENT;
    style.setTopBorderColor(border.getIndex());
    style.setBottomBorderColor(border.getIndex());
    style.setLeftBorderColor(border.getIndex());
    style.setRightBorderColor(border.getIndex());
    return style;
  }

  private static CellStyle grey(SXSSFWorkbook workbook) {
    CellStyle style = bordered(workbook);
    style.setLocked(true);
    style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    return style;
  }
}
