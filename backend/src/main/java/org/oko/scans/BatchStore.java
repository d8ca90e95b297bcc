package org.oko.scans;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.web.Paging;
import org.oko.scans.ScanProgressDirectory.Counts;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Batches, their chunks, and the organizations they are of. */
@Component
class BatchStore {

  /** A batch with its organization and the counts of its current sheets. */
  record BatchRow(
      long id,
      long campaignId,
      String subjectKey,
      OrganizationRef organization,
      String fileName,
      long size,
      String sha256,
      long receivedBytes,
      String status,
      String problem,
      String uploadedBy,
      Instant createdAt,
      Instant completedAt,
      Counts sheets) {

    boolean receiving() {
      return status.equals("RECEIVING");
    }
  }

  /** An organization and its kind, for the upload checks. */
  record OrganizationRow(OrganizationRef ref, String kind) {}

  private static final String SELECT =
      "select b.*, o.login, o.name, o.municipality_id, m.name as municipality,"
          + " c.uploaded, c.processing, c.accepted, c.errors, c.assigned, c.scored, c.verified"
          + " from scan_batch b join organization o on o.id = b.organization_id"
          + " left join municipality m on m.id = o.municipality_id"
          + " left join lateral (select count(*) as uploaded,"
          + " count(*) filter (where s.status in ('UPLOADED', 'PROCESSING')) as processing,"
          + " count(*) filter (where s.status in ('ACCEPTED', 'ASSIGNED', 'SCORED', 'VERIFIED'))"
          + " as accepted,"
          + " count(*) filter (where s.status = 'ERROR') as errors,"
          + " count(*) filter (where s.status in ('ASSIGNED', 'SCORED', 'VERIFIED')) as assigned,"
          + " count(*) filter (where s.status in ('SCORED', 'VERIFIED')) as scored,"
          + " count(*) filter (where s.status = 'VERIFIED') as verified"
          + " from scan_sheet s where s.batch_id = b.id and s.status <> 'REPLACED') c on true";

  private static final String FILTER =
      " where b.campaign_id = :c"
          + " and (cast(:org as bigint) is null or b.organization_id = :org)"
          + " and (cast(:subject as text) is null or b.subject_key = :subject)";

  private final DatabaseClient db;

  BatchStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Long> insert(
      long campaignId,
      String subjectKey,
      OrganizationRef organization,
      String fileName,
      long size,
      String sha256,
      String uploadedBy,
      Instant now) {
    return db.sql(
            "insert into scan_batch (campaign_id, subject_key, organization_id, region_code,"
                + " file_name, size, sha256, uploaded_by, created_at)"
                + " values (:c, :subject, :org, :region, :name, :size, :sha, :by, :now)"
                + " returning id")
        .bind("c", campaignId)
        .bind("subject", subjectKey)
        .bind("org", organization.id())
        .bind("region", organization.regionCode())
        .bind("name", fileName)
        .bind("size", size)
        .bind("sha", Parameter.fromOrEmpty(sha256, String.class))
        .bind("by", uploadedBy)
        .bind("now", now)
        .map(r -> r.get("id", Long.class))
        .one();
  }

  Mono<BatchRow> find(long id) {
    return db.sql(SELECT + " where b.id = :id").bind("id", id).map(BatchStore::toRow).one();
  }

  /** Newest first: a page by number, or (keyset) the batches older than {@code beforeId}. */
  Flux<BatchRow> page(
      long campaignId,
      ScanScope scope,
      Long organizationId,
      String subjectKey,
      Paging paging,
      Long beforeId) {
    String keyset = beforeId == null ? "" : " and b.id < " + beforeId; // a number, not text
    return filtered(
            SELECT
                + FILTER
                + scope.on("b").and()
                + keyset
                + " order by b.id desc limit :l offset :o",
            campaignId,
            scope,
            organizationId,
            subjectKey)
        .bind("l", paging.size())
        .bind("o", beforeId == null ? paging.offset() : 0L)
        .map(BatchStore::toRow)
        .all();
  }

  Mono<Long> count(long campaignId, ScanScope scope, Long organizationId, String subjectKey) {
    return filtered(
            "select count(*) as n from scan_batch b join organization o on o.id = b.organization_id"
                + FILTER
                + scope.on("b").and(),
            campaignId,
            scope,
            organizationId,
            subjectKey)
        .map(r -> r.get("n", Long.class))
        .one();
  }

  private DatabaseClient.GenericExecuteSpec filtered(
      String sql, long campaignId, ScanScope scope, Long organizationId, String subjectKey) {
    return scope
        .on("b")
        .bind(
            db.sql(sql)
                .bind("c", campaignId)
                .bind("org", Parameter.fromOrEmpty(organizationId, Long.class))
                .bind("subject", Parameter.fromOrEmpty(subjectKey, String.class)));
  }

  /**
   * Moves {@code received_bytes} past a stored chunk, only if nobody else did first (a duplicate or
   * concurrent chunk at the same offset) and the batch still takes bytes; records the chunk.
   *
   * @return whether this chunk was taken
   */
  Mono<Boolean> advance(long batchId, long offset, long size, String blobKey, Instant now) {
    return db.sql(
            "with moved as (update scan_batch set received_bytes = received_bytes + :n,"
                + " last_chunk_at = :now,"
                // With its last byte the batch is UNPACKING in the same statement as the chunk.
                + " status = case when received_bytes + :n = size then 'UNPACKING'"
                + " else 'RECEIVING' end"
                + " where id = :id and received_bytes = :offset and status = 'RECEIVING'"
                + " and received_bytes + :n <= size returning id)"
                + " insert into scan_chunk (batch_id, byte_offset, size, blob_key)"
                + " select id, :offset, :n, :key from moved")
        .bind("id", batchId)
        .bind("offset", offset)
        .bind("n", size)
        .bind("key", blobKey)
        .bind("now", now)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  /** Batches still UNPACKING long after their last chunk: the instance unpacking them stopped. */
  Flux<Long> stuck(Instant lastChunkBefore) {
    return db.sql(
            "select id from scan_batch where status = 'UNPACKING'"
                + " and last_chunk_at < :before order by id limit 100")
        .bind("before", lastChunkBefore)
        .map(r -> r.get("id", Long.class))
        .all();
  }

  /** Takes a stuck batch on for this instance: false when another one already did. */
  Mono<Boolean> claimStuck(long batchId, Instant lastChunkBefore, Instant now) {
    return db.sql(
            "update scan_batch set last_chunk_at = :now where id = :id and status = 'UNPACKING'"
                + " and last_chunk_at < :before")
        .bind("id", batchId)
        .bind("before", lastChunkBefore)
        .bind("now", now)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  Flux<String> chunkKeys(long batchId) {
    return db.sql("select blob_key from scan_chunk where batch_id = :id order by byte_offset")
        .bind("id", batchId)
        .map(r -> r.get("blob_key", String.class))
        .all();
  }

  /** Forgets the chunks of a batch and answers their blobs, to be deleted. */
  Flux<String> deleteChunks(long batchId) {
    return db.sql("delete from scan_chunk where batch_id = :id returning blob_key")
        .bind("id", batchId)
        .map(r -> r.get("blob_key", String.class))
        .all();
  }

  /** Ends a batch that still receives; false when it was already ended (cancelled, say). */
  Mono<Boolean> finish(long batchId, String from, String status, String problem, Instant now) {
    return db.sql(
            "update scan_batch set status = :status, problem = :problem, completed_at = :now"
                + " where id = :id and status = :from")
        .bind("id", batchId)
        .bind("from", from)
        .bind("status", status)
        .bind("problem", Parameter.fromOrEmpty(problem, String.class))
        .bind("now", now)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  Mono<OrganizationRow> organization(long id) {
    return db.sql(
            "select o.id, o.login, o.name, o.region_code, o.municipality_id, o.kind,"
                + " m.name as municipality from organization o"
                + " left join municipality m on m.id = o.municipality_id where o.id = :id")
        .bind("id", id)
        .map(r -> new OrganizationRow(ref(r), r.get("kind", String.class)))
        .one();
  }

  Flux<OrganizationRow> organizations(Collection<Long> ids) {
    return db.sql(
            "select o.id, o.login, o.name, o.region_code, o.municipality_id, o.kind,"
                + " m.name as municipality from organization o"
                + " left join municipality m on m.id = o.municipality_id where o.id = any(:ids)")
        .bind("ids", ids.toArray(Long[]::new))
        .map(r -> new OrganizationRow(ref(r), r.get("kind", String.class)))
        .all();
  }

  /** The organization of a row that joins it as {@code organization_id, login, name, …}. */
  static OrganizationRef organizationOf(Readable r) {
    return new OrganizationRef(
        r.get("organization_id", Long.class),
        r.get("login", String.class),
        r.get("name", String.class),
        r.get("region_code", String.class),
        r.get("municipality_id", Long.class),
        r.get("municipality", String.class));
  }

  static OrganizationRef ref(Readable r) {
    return new OrganizationRef(
        r.get("id", Long.class),
        r.get("login", String.class),
        r.get("name", String.class),
        r.get("region_code", String.class),
        r.get("municipality_id", Long.class),
        r.get("municipality", String.class));
  }

  private static BatchRow toRow(Readable r) {
    return new BatchRow(
        r.get("id", Long.class),
        r.get("campaign_id", Long.class),
        r.get("subject_key", String.class),
        BatchStore.organizationOf(r),
        r.get("file_name", String.class),
        r.get("size", Long.class),
        r.get("sha256", String.class),
        r.get("received_bytes", Long.class),
        r.get("status", String.class),
        r.get("problem", String.class),
        r.get("uploaded_by", String.class),
        r.get("created_at", Instant.class),
        r.get("completed_at", Instant.class),
        new Counts(
            r.get("uploaded", Long.class),
            r.get("processing", Long.class),
            r.get("accepted", Long.class),
            r.get("errors", Long.class),
            r.get("assigned", Long.class),
            r.get("scored", Long.class),
            r.get("verified", Long.class)));
  }
}
