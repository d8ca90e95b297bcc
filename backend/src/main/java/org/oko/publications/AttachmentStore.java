package org.oko.publications;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.oko.platform.blob.StoredBlob;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Attachments, their per-organization files and the log of downloads. */
@Component
class AttachmentStore {

  /** One file to serve: the attachment's own, or one organization's. */
  record StoredFile(String fileName, String blobKey, String sha256, long size) {}

  /** An attachment as the download needs it. */
  record AttachmentRow(long id, long publicationId, boolean perOrganization, StoredFile file) {}

  /** One organization's file of a per-organization attachment, ready to be kept. */
  record OrganizationFile(long organizationId, String fileName, StoredBlob blob) {}

  private final DatabaseClient db;

  AttachmentStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Long> insert(
      long publicationId, MaterialKind kind, String fileName, StoredBlob blob, Instant now) {
    return db.sql(
            """
            insert into attachment (publication_id, kind, file_name, per_organization, blob_key,
                sha256, size, created_at)
            values (:publication, :kind, :name, false, :key, :sha, :size, :now)
            returning id
            """)
        .bind("publication", publicationId)
        .bind("kind", kind.name())
        .bind("name", fileName)
        .bind("key", blob.key())
        .bind("sha", blob.sha256())
        .bind("size", blob.size())
        .bind("now", now)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  /** One attachment and all its files in two statements, however many organizations there are. */
  Mono<Long> insertPerOrganization(
      long publicationId,
      MaterialKind kind,
      String title,
      List<OrganizationFile> files,
      Instant now) {
    long total = files.stream().mapToLong(f -> f.blob().size()).sum();
    return db.sql(
            """
            insert into attachment (publication_id, kind, file_name, per_organization, size,
                organization_files, created_at)
            values (:publication, :kind, :name, true, :size, :files, :now)
            returning id
            """)
        .bind("publication", publicationId)
        .bind("kind", kind.name())
        .bind("name", title)
        .bind("size", total)
        .bind("files", files.size())
        .bind("now", now)
        .map(r -> r.get("id", Long.class))
        .one()
        .flatMap(
            id ->
                db.sql(
                        """
                        insert into attachment_file (attachment_id, organization_id, file_name,
                            blob_key, sha256, size)
                        select :attachment, f.org, f.name, f.blob, f.sha, f.size
                        from unnest(:orgs, :names, :keys, :shas, :sizes)
                             as f (org, name, blob, sha, size)
                        """)
                    .bind("attachment", id)
                    .bind(
                        "orgs",
                        files.stream().map(OrganizationFile::organizationId).toArray(Long[]::new))
                    .bind(
                        "names",
                        files.stream().map(OrganizationFile::fileName).toArray(String[]::new))
                    .bind("keys", files.stream().map(f -> f.blob().key()).toArray(String[]::new))
                    .bind("shas", files.stream().map(f -> f.blob().sha256()).toArray(String[]::new))
                    .bind("sizes", files.stream().map(f -> f.blob().size()).toArray(Long[]::new))
                    .then()
                    .thenReturn(id));
  }

  Mono<AttachmentRow> find(long publicationId, long attachmentId) {
    return db.sql(
            "select id, publication_id, per_organization, file_name, blob_key, sha256, size"
                + " from attachment where id = :id and publication_id = :publication")
        .bind("id", attachmentId)
        .bind("publication", publicationId)
        .map(
            r ->
                new AttachmentRow(
                    r.get("id", Long.class),
                    r.get("publication_id", Long.class),
                    r.get("per_organization", Boolean.class),
                    new StoredFile(
                        r.get("file_name", String.class),
                        r.get("blob_key", String.class),
                        r.get("sha256", String.class),
                        r.get("size", Long.class))))
        .one();
  }

  /** The organization's own file of a per-organization attachment, if it has one. */
  Mono<StoredFile> fileOf(long attachmentId, long organizationId) {
    return db.sql(
            "select file_name, blob_key, sha256, size from attachment_file"
                + " where attachment_id = :id and organization_id = :org")
        .bind("id", attachmentId)
        .bind("org", organizationId)
        .map(
            r ->
                new StoredFile(
                    r.get("file_name", String.class),
                    r.get("blob_key", String.class),
                    r.get("sha256", String.class),
                    r.get("size", Long.class)))
        .one();
  }

  /**
   * The blobs of one attachment, or of all of a publication's when {@code attachmentId} is null.
   */
  Flux<String> blobKeys(long publicationId, Long attachmentId) {
    return db.sql(
            """
            select a.blob_key as k from attachment a
            where a.publication_id = :publication and a.blob_key is not null
              and (cast(:attachment as bigint) is null or a.id = :attachment)
            union all
            select f.blob_key from attachment_file f join attachment a on a.id = f.attachment_id
            where a.publication_id = :publication
              and (cast(:attachment as bigint) is null or a.id = :attachment)
            """)
        .bind("publication", publicationId)
        .bind("attachment", Parameter.fromOrEmpty(attachmentId, Long.class))
        .map(r -> r.get("k", String.class))
        .all();
  }

  Mono<Boolean> delete(long publicationId, long attachmentId) {
    return db.sql("delete from attachment where id = :id and publication_id = :publication")
        .bind("id", attachmentId)
        .bind("publication", publicationId)
        .fetch()
        .rowsUpdated()
        .map(n -> n == 1);
  }

  /**
   * The attachments of these publications as {@code organizationId} sees them (null: a
   * coordinator): an organization sees only per-organization attachments that have a file for it,
   * with that file's size and whether it has downloaded it; coordinators see totals.
   */
  Flux<AttachmentView> forPublications(Collection<Long> publicationIds, Long organizationId) {
    if (publicationIds.isEmpty()) {
      return Flux.empty();
    }
    return db.sql(
            """
            select a.id, a.publication_id, a.kind, a.file_name, a.per_organization,
                   a.organization_files,
                   case when a.per_organization and cast(:org as bigint) is not null
                        then f.size else a.size end as size,
                   exists (select 1 from attachment_download d
                           where d.attachment_id = a.id and d.organization_id = :org) as downloaded
            from attachment a
            left join attachment_file f on f.attachment_id = a.id and f.organization_id = :org
            where a.publication_id = any(:ids)
              and (cast(:org as bigint) is null or not a.per_organization or f.blob_key is not null)
            order by a.id
            """)
        .bind("ids", publicationIds.toArray(Long[]::new))
        .bind("org", Parameter.fromOrEmpty(organizationId, Long.class))
        .map(r -> toView(r, organizationId != null))
        .all();
  }

  /** An attachment of one publication. */
  record AttachmentView(long publicationId, AttachmentItem attachment) {}

  private static AttachmentView toView(Readable r, boolean forOrganization) {
    boolean perOrganization = r.get("per_organization", Boolean.class);
    AttachmentItem a =
        new AttachmentItem(
            r.get("id", Long.class),
            MaterialKind.valueOf(r.get("kind", String.class)),
            r.get("file_name", String.class),
            r.get("size", Long.class),
            perOrganization,
            !forOrganization && perOrganization ? r.get("organization_files", Integer.class) : null,
            forOrganization ? r.get("downloaded", Boolean.class) : null);
    return new AttachmentView(r.get("publication_id", Long.class), a);
  }

  /** Logs one download; {@code organizationId} is null for a coordinator's. */
  Mono<Void> recordDownload(
      long publicationId,
      long attachmentId,
      Long organizationId,
      String login,
      String role,
      Instant now) {
    return db.sql(
            """
            insert into attachment_download (publication_id, attachment_id, organization_id,
                login, role, downloaded_at)
            values (:publication, :attachment, :org, :login, :role, :now)
            """)
        .bind("publication", publicationId)
        .bind("attachment", attachmentId)
        .bind("org", Parameter.fromOrEmpty(organizationId, Long.class))
        .bind("login", login)
        .bind("role", role)
        .bind("now", now)
        .then();
  }
}
