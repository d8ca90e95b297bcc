/**
 * Streaming primitives for Excel workbooks, shared by every feature that takes {@code .xlsx}
 * uploads (the sample, the forms): reading a sheet row by row with POI's SAX event API, and cell
 * references.
 */
@org.springframework.modulith.NamedInterface("excel")
package org.oko.platform.excel;
