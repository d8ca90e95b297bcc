package org.oko.live;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import org.oko.api.model.LiveObserverPresence;
import org.oko.api.model.LiveServerMessage;
import org.oko.api.model.LiveServerMessage.CodeEnum;
import org.oko.api.model.LiveServerMessage.TypeEnum;
import org.oko.api.model.ScanProgressLevel;
import org.oko.api.model.ScanProgressRow;
import org.oko.api.model.SheetCounts;
import org.oko.scans.ScanProgressDirectory.Counts;
import org.oko.scans.ScanProgressDirectory.Row;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The server's messages ({@code LiveServerMessage}), as UTF-8 JSON ready for a text frame. */
@Component
class LiveMessageMapper {

  private final JsonMapper json;

  LiveMessageMapper(JsonMapper json) {
    this.json = json;
  }

  byte[] ready() {
    return write(new LiveServerMessage(TypeEnum.READY).rows(null));
  }

  byte[] notifications(long unread) {
    return write(new LiveServerMessage(TypeEnum.NOTIFICATIONS).rows(null).unread(unread));
  }

  byte[] observerPresence(
      long campaignId, long organizationId, long assignmentId, Instant presentAt) {
    return write(
        new LiveServerMessage(TypeEnum.OBSERVER_PRESENCE)
            .rows(null)
            .presence(
                new LiveObserverPresence(
                    campaignId, organizationId, assignmentId, presentAt.atOffset(ZoneOffset.UTC))));
  }

  byte[] error(String code, String message) {
    return write(
        new LiveServerMessage(TypeEnum.ERROR)
            .rows(null)
            .code(CodeEnum.fromValue(code))
            .message(message));
  }

  byte[] snapshot(
      long seq, LiveScope.Level level, Collection<Row> rows, Counts totals, Instant at) {
    return figures(TypeEnum.SNAPSHOT, seq, level, rows, totals, at);
  }

  byte[] delta(long seq, LiveScope.Level level, Collection<Row> rows, Counts totals, Instant at) {
    return figures(TypeEnum.DELTA, seq, level, rows, totals, at);
  }

  private byte[] figures(
      TypeEnum type,
      long seq,
      LiveScope.Level level,
      Collection<Row> rows,
      Counts totals,
      Instant at) {
    return write(
        new LiveServerMessage(type)
            .seq(seq)
            .level(ScanProgressLevel.fromValue(level.name()))
            .rows(rows.stream().map(LiveMessageMapper::row).toList())
            .totals(counts(totals))
            .at(at.atOffset(ZoneOffset.UTC)));
  }

  private static ScanProgressRow row(Row row) {
    return new ScanProgressRow(row.key(), row.name(), counts(row.sheets()))
        .regionCode(row.regionCode())
        .organizationId(row.organizationId())
        .batchId(row.batchId());
  }

  private static SheetCounts counts(Counts c) {
    return new SheetCounts()
        .uploaded(c.uploaded())
        .processing(c.processing())
        .accepted(c.accepted())
        .errors(c.errors())
        .assigned(c.assigned())
        .scored(c.scored())
        .verified(c.verified());
  }

  private byte[] write(LiveServerMessage message) {
    return json.writeValueAsBytes(message);
  }
}
