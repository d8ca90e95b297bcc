package org.oko.forms;

import org.springframework.r2dbc.core.DatabaseClient;

/** Reports for the acceptance tests. Public because the authorization matrix uses it too. */
public final class ApprovalFixture {

  private ApprovalFixture() {}

  /**
   * A report submitted as the forms feature stores one, for an organization without a demo account
   * to sign in with (the college, a second Engels school).
   */
  public static void submittedDirectly(DatabaseClient db, long formId, String login) {
    db.sql(
            """
            insert into form_response (form_id, organization_id, region_code, status,
                definition_version, version, updated_at, updated_by, submitted_at, submitted_by,
                submissions)
            select :form, o.id, o.region_code, 'SUBMITTED',
                   d.version, 2, now(), o.login, now(), o.login, 1
            from organization o join form_definition d on d.id = :form where o.login = :login
            """)
        .bind("form", formId)
        .bind("login", login)
        .then()
        .block();
  }
}
