/**
 * Streaming primitives for Excel workbooks, shared by every feature that takes {@code .xlsx}
 * uploads (the sample, the forms) or hands Office files out (publications, lists): reading a sheet
 * row by row with POI's SAX event API, cell references and texts, titles rows, the checks an upload
 * or an Office file must pass ({@code WorkbookGuard}, {@link OfficeFileGuard}), and print layout.
 */
@org.springframework.modulith.NamedInterface("excel")
package org.oko.platform.excel;
