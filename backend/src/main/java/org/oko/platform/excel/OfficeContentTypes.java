package org.oko.platform.excel;

import static org.oko.platform.excel.OfficeFileRefusal.damaged;
import static org.oko.platform.excel.OfficeFileRefusal.doctype;
import static org.oko.platform.excel.OfficeFileRefusal.macros;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code [Content_Types].xml}: which parts are XML (to look for a DOCTYPE in each), and whether any
 * part is a macro project or the document itself macro-enabled.
 */
final class OfficeContentTypes {

  /** Parts Office reads as XML whatever [Content_Types].xml says. */
  private static final List<String> XML_NAMES = List.of(".xml", ".rels", ".vml");

  private final Map<String, String> defaults = new HashMap<>();
  private final Set<String> xmlOverrides = new HashSet<>();

  static OfficeContentTypes read(InputStream in, String fileName) throws IOException {
    OfficeContentTypes types = new OfficeContentTypes();
    XmlScanner xml;
    try {
      xml = new XmlScanner(in, 4096);
      for (int event = xml.next(); event != XmlScanner.EOF; event = xml.next()) {
        if (event != XmlScanner.START) {
          continue;
        }
        boolean isDefault = xml.is("Default");
        if (!isDefault && !xml.is("Override")) {
          continue;
        }
        int typeAttribute = xml.attribute("ContentType");
        String type =
            typeAttribute < 0 ? "" : xml.value(typeAttribute).toLowerCase(Locale.ROOT).strip();
        if (type.contains("macroenabled") || type.contains("vbaproject")) {
          throw macros(fileName);
        }
        if (isDefault) {
          int extension = xml.attribute("Extension");
          if (extension >= 0) {
            types.defaults.put(xml.value(extension).toLowerCase(Locale.ROOT), type);
          }
        } else {
          int part = xml.attribute("PartName");
          if (part >= 0 && isXmlType(type)) {
            types.xmlOverrides.add(xml.value(part).toLowerCase(Locale.ROOT));
          }
        }
      }
    } catch (UnreadableWorkbookException e) {
      if (WorkbookGuard.DOCTYPE.equals(e.getMessage())) {
        throw doctype(fileName, "[Content_Types].xml");
      }
      throw damaged(fileName);
    }
    return types;
  }

  /** Whether Office reads the entry as XML: by its override, its extension's default or name. */
  boolean isXml(String entryName) {
    String lower = entryName.toLowerCase(Locale.ROOT);
    // a package part's name in the package's terms: /word/document.xml
    if (xmlOverrides.contains("/" + lower)) {
      return true;
    }
    String extension = OfficeFileGuard.extension(lower);
    if (isXmlType(defaults.getOrDefault(extension, ""))) {
      return true;
    }
    return XML_NAMES.stream().anyMatch(lower::endsWith) && !lower.endsWith(".svg");
  }

  /**
   * An XML content type ({@code …+xml}, {@code application/xml}) other than SVG: pictures come from
   * anywhere, and an SVG drawn by a vector editor may well carry a harmless DOCTYPE.
   */
  private static boolean isXmlType(String type) {
    return (type.endsWith("+xml") || type.endsWith("/xml")) && !type.startsWith("image/");
  }
}
