package org.oko.forms;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.CampaignReadModel;
import org.oko.campaigns.Stage;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * One organization's forms of a campaign and where each response stands, for the organization's
 * page (issue 20): every form addressed to organizations of its kind, with or without a response.
 * Scope checks are the caller's job.
 */
@Component
public class OrganizationFormsDirectory {

  /**
   * A form and the organization's response to it.
   *
   * @param status {@code NOT_STARTED}, {@code DRAFT} or {@code SUBMITTED} (the API's {@code
   *     FormResponseStatus})
   * @param submittedAt the last submission, or null
   */
  public record OrganizationForm(
      long formId,
      String code,
      String title,
      Stage stage,
      String subjectKey,
      String status,
      Instant updatedAt,
      Instant submittedAt,
      int submissions) {}

  private static final String FORMS =
      """
      select d.id, d.code, d.title, d.stage_code, d.subject_key,
             r.status, r.updated_at, r.submitted_at, coalesce(r.submissions, 0) as submissions
      from form_definition d
      left join form_response r on r.form_id = d.id and r.organization_id = :org
      left join %s s on s.campaign_id = d.campaign_id and s.code = d.stage_code
      where d.campaign_id = :campaign and d.respondent = 'ORGANIZATION'
        and (d.region_code is null
             or d.region_code = (select o.region_code from organization o where o.id = :org))
        and (cardinality(d.organization_kinds) = 0 and :kind = any(:campaignKinds)
             or :kind = any(d.organization_kinds))
      order by s.opens_at nulls last, d.id
      """
          .formatted(CampaignReadModel.stages());

  private final DatabaseClient db;

  OrganizationFormsDirectory(DatabaseClient db) {
    this.db = db;
  }

  /** The forms the organization (of {@code kind}) fills in the campaign, in the order defined. */
  public Flux<OrganizationForm> of(CampaignInfo campaign, long organizationId, String kind) {
    List<String> campaignKinds = campaign.organizationKinds();
    return db.sql(FORMS)
        .bind("campaign", campaign.id())
        .bind("org", organizationId)
        .bind("kind", kind)
        .bind("campaignKinds", campaignKinds.toArray(String[]::new))
        .map(OrganizationFormsDirectory::toForm)
        .all();
  }

  private static OrganizationForm toForm(Readable r) {
    return new OrganizationForm(
        r.get("id", Long.class),
        r.get("code", String.class),
        r.get("title", String.class),
        Stage.valueOf(r.get("stage_code", String.class)),
        r.get("subject_key", String.class),
        ResponseStatus.of(r.get("status", String.class)).name(),
        r.get("updated_at", Instant.class),
        r.get("submitted_at", Instant.class),
        r.get("submissions", Integer.class));
  }
}
