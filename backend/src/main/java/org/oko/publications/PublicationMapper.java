package org.oko.publications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.oko.api.model.Attachment;
import org.oko.api.model.AttachmentKind;
import org.oko.api.model.Audience;
import org.oko.api.model.DataCollection;
import org.oko.api.model.DataCollectionKind;
import org.oko.api.model.DownloadPage;
import org.oko.api.model.DownloadRow;
import org.oko.api.model.Publication;
import org.oko.orgs.OrganizationMapper;
import org.oko.platform.web.ApiTimes;
import org.oko.platform.web.Listing;
import org.oko.platform.web.Paging;
import org.oko.publications.AttachmentStore.AttachmentView;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publications as the API shows them (the web edge's mapper): rows plus their attachments, read in
 * one query per page.
 */
@Component
class PublicationMapper {

  private final AttachmentStore attachments;
  private final DataCollectionStore blocks;

  PublicationMapper(AttachmentStore attachments, DataCollectionStore blocks) {
    this.attachments = attachments;
    this.blocks = blocks;
  }

  /** A publication as its reader sees it (the answer of every call that shows one). */
  Mono<Publication> of(PublicationService.Shown shown) {
    return of(shown.publication(), shown.reader());
  }

  Mono<Publication> of(PublicationRow row, Reader reader) {
    return of(List.of(row), reader).map(list -> list.get(0));
  }

  Mono<List<Publication>> of(List<PublicationRow> rows, Reader reader) {
    List<Long> ids = rows.stream().map(PublicationRow::id).toList();
    Mono<Map<Long, List<Attachment>>> files =
        attachments
            .forPublications(ids, reader.isOrganization() ? reader.organizationId() : null)
            .collect(
                Collectors.groupingBy(
                    AttachmentView::publicationId,
                    Collectors.mapping(
                        view -> attachment(view.attachment()), Collectors.toList())));
    Mono<Map<Long, DataCollectionBlock>> carried =
        blocks.of(ids).collectMap(DataCollectionBlock::publicationId);
    return Mono.zip(files, carried)
        .map(
            found ->
                rows.stream()
                    .map(row -> withBlock(toApi(row, found.getT1(), reader.now()), found.getT2()))
                    .toList());
  }

  /** The publication's «Сбор данных» block as the contract shows it, if it has one. */
  private static Publication withBlock(Publication p, Map<Long, DataCollectionBlock> blocks) {
    DataCollectionBlock block = blocks.get(p.getId());
    if (block != null) {
      DataCollection shown = new DataCollection(DataCollectionKind.fromValue(block.kind().name()));
      shown.setFormId(block.formId());
      shown.setFormTitle(block.formTitle());
      shown.setSubjectKey(block.subjectKey());
      p.setDataCollection(shown);
    }
    return p;
  }

  /** The kind the request names, as the domain's. */
  static DataCollectionBlock.Kind blockKind(DataCollectionKind kind) {
    return DataCollectionBlock.Kind.valueOf(kind.getValue());
  }

  /** An attachment as the contract shows it. */
  static Attachment attachment(AttachmentItem item) {
    Attachment a =
        new Attachment(
            item.id(),
            AttachmentKind.fromValue(item.kind().name()),
            item.fileName(),
            item.size(),
            item.perOrganization());
    a.setOrganizationFiles(item.organizationFiles());
    a.setDownloaded(item.downloaded());
    return a;
  }

  /** The kind the request names, as the domain's. */
  static MaterialKind kind(AttachmentKind kind) {
    return MaterialKind.valueOf(kind.getValue());
  }

  /** The downloads report's page as the contract shows it. */
  static DownloadPage downloads(DownloadsReportStore.Report report, Paging paging) {
    Listing<DownloadsReportStore.Line> listing = report.listing();
    List<DownloadRow> items = new ArrayList<>();
    for (DownloadsReportStore.Line line : listing.items()) {
      DownloadRow row =
          new DownloadRow(OrganizationMapper.brief(line.organization()), line.downloads());
      row.setFirstDownloadedAt(ApiTimes.utc(line.firstAt()));
      row.setLastDownloadedAt(ApiTimes.utc(line.lastAt()));
      items.add(row);
    }
    return new DownloadPage(
        paging.page(),
        paging.size(),
        listing.total(),
        paging.totalPages(listing.total()),
        report.audience(),
        report.downloaded(),
        items);
  }

  private static final java.time.format.DateTimeFormatter LOCAL =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private static Publication toApi(
      PublicationRow row, Map<Long, List<Attachment>> attachments, Instant now) {
    Publication p =
        new Publication(
            row.id(),
            row.campaignId(),
            row.campaignTitle(),
            row.title(),
            row.body(),
            new Audience(
                row.roles().stream()
                    .map(role -> org.oko.api.model.Role.fromValue(role.name()))
                    .collect(Collectors.toCollection(ArrayList::new)),
                new ArrayList<>(row.regionCodes()),
                row.sampleOnly()),
            org.oko.api.model.PublicationStatus.valueOf(row.statusAt(now).name()),
            row.authorLogin(),
            attachments.getOrDefault(row.id(), new ArrayList<>()),
            row.read(),
            ApiTimes.utc(row.createdAt()),
            row.version());
    p.setAuthorName(row.authorName());
    if (row.releaseAt() != null) {
      p.setReleaseAt(ApiTimes.utc(row.releaseAt()));
    }
    if (row.releaseLocal() != null) {
      p.setReleaseLocal(LOCAL.format(row.releaseLocal()));
      p.setRegionReleases(
          row.regionReleases().stream()
              .map(
                  r ->
                      new org.oko.api.model.RegionRelease(
                          r.regionCode(), r.zone().getId(), ApiTimes.utc(r.at())))
              .collect(Collectors.toCollection(ArrayList::new)));
    }
    return p;
  }
}
