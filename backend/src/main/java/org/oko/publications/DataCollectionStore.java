package org.oko.publications;

import java.time.Instant;
import java.util.List;
import org.oko.forms.FormReadModel;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The «Сбор данных» block of publications ({@link DataCollectionBlock}), with the titles of their
 * forms read through forms' read model.
 */
@Component
class DataCollectionStore {

  /** A form as a block may name it: its campaign and title. */
  record FormRef(long id, long campaignId, String title) {}

  private final DatabaseClient db;

  DataCollectionStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<FormRef> form(long formId) {
    return db.sql(
            "select id, campaign_id, title from " + FormReadModel.forms() + " f where id = :id")
        .bind("id", formId)
        .map(
            r ->
                new FormRef(
                    r.get("id", Long.class),
                    r.get("campaign_id", Long.class),
                    r.get("title", String.class)))
        .one();
  }

  /** The blocks of these publications (a publication without one has no row). */
  Flux<DataCollectionBlock> of(List<Long> publicationIds) {
    if (publicationIds.isEmpty()) {
      return Flux.empty();
    }
    return db.sql(
            "select b.publication_id, b.kind, b.form_id, f.title as form_title, b.subject_key"
                + " from publication_data_collection b left join "
                + FormReadModel.forms()
                + " f on f.id = b.form_id where b.publication_id = any(:ids)")
        .bind("ids", publicationIds.toArray(Long[]::new))
        .map(
            r ->
                new DataCollectionBlock(
                    r.get("publication_id", Long.class),
                    DataCollectionBlock.Kind.valueOf(r.get("kind", String.class)),
                    r.get("form_id", Long.class),
                    r.get("form_title", String.class),
                    r.get("subject_key", String.class)))
        .all();
  }

  /** Sets the publication's block, replacing the one it had. */
  Mono<Void> put(DataCollectionBlock block, String by, Instant at) {
    return db.sql(
            """
            insert into publication_data_collection (publication_id, kind, form_id, subject_key,
                set_by, set_at)
            values (:publication, :kind, :form, :subject, :by, :at)
            on conflict (publication_id) do update
            set kind = excluded.kind, form_id = excluded.form_id,
                subject_key = excluded.subject_key, set_by = excluded.set_by,
                set_at = excluded.set_at
            """)
        .bind("publication", block.publicationId())
        .bind("kind", block.kind().name())
        .bind("form", Parameter.fromOrEmpty(block.formId(), Long.class))
        .bind("subject", Parameter.fromOrEmpty(block.subjectKey(), String.class))
        .bind("by", by)
        .bind("at", at)
        .then();
  }

  Mono<Void> clear(long publicationId) {
    return db.sql("delete from publication_data_collection where publication_id = :id")
        .bind("id", publicationId)
        .then();
  }
}
