package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.oko.sample.SampleParticipants;
import org.oko.testing.ApiTest;
import org.oko.testing.StaffFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Delegated account management in a real Chromium ({@code frontend/e2e/accounts.mjs}, issue 19;
 * seed 003_c72cd2feee1a719e.txt 2–3: municipal coordinators are appointed by the region): region64
 * creates a municipal coordinator, who signs in with the password shown once. The test then reads
 * what the server kept: the account, created by region64, its phone normalized; and the hand-out of
 * a municipality's logins region64 then made at 360 px (downloaded once, passed on); and the staff
 * register region64 uploaded for the demo campaign (seed 000), at 1280 and 360 px; and the regional
 * system region64 registered, restricted to the change feed, rotated and revoked (issue 23).
 */
@Execution(ExecutionMode.CONCURRENT)
class AccountsJourneyTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void aRegionCreatesAMunicipalCoordinatorWhoSignsIn() throws Exception {
    // The staff register region64 uploads in the journey (seed 000): responsible organizers for
    // the first two schools of the demo campaign's published sample in the region.
    List<String> schools =
        db.sql(
                "select o.login from "
                    + SampleParticipants.relation()
                    + " e join organization o on o.id = e.organization_id"
                    + " join campaign c on c.id = e.campaign_id"
                    + " where c.title = 'ВПР-2026, весна' and e.region_code = '64'"
                    + " order by o.login limit 2")
            .map(r -> r.get("login", String.class))
            .all()
            .collectList()
            .block();
    Path staff = Files.createTempFile("staff-", ".xlsx");
    Files.write(
        staff,
        StaffFiles.register(
            List.of(
                new String[] {schools.get(0), "Ответственный организатор", "Громова Елена Юрьевна"},
                new String[] {
                  schools.get(1), "Ответственный организатор", "Лебедев Игорь Олегович"
                })));
    try {
      NodeJourney.run("accounts", baseUrl(), staff.toString());
    } finally {
      Files.deleteIfExists(staff);
    }

    Long created =
        db.sql(
                "select count(*) as n from account where login like 'mun64-e2e-%'"
                    + " and role = 'MUNICIPAL' and created_by = 'region64'"
                    + " and phone = '+79175551234' and email = 'sokolova@saratov.example'")
            .map(r -> r.get("n", Long.class))
            .one()
            .block();
    assertThat(created).as("region64's new municipal coordinator").isPositive();

    // The hand-out the journey made on a phone (seed 000; seed 003 8.1/9.1): 20 logins of the
    // Вольск
    // district's part of the sample, downloaded once by region64 and passed on to the district.
    Long handedOut =
        db.sql(
                "select count(*) as n from credential_handout h join credential_handout_part p"
                    + " on p.handout_id = h.id where h.issued_by = 'region64' and h.accounts = 20"
                    + " and h.downloaded_by = 'region64' and h.blob_key is null"
                    + " and p.municipality_name = 'Вольский муниципальный район'"
                    + " and p.passed_by = 'region64'")
            .map(r -> r.get("n", Long.class))
            .one()
            .block();
    assertThat(handedOut).as("the region's hand-out, downloaded and passed on").isPositive();

    // The staff register the journey uploaded, kept as region64's.
    Long appointed =
        db.sql(
                "select count(*) as n from staff_member where updated_by = 'region64'"
                    + " and full_name in ('Громова Елена Юрьевна', 'Лебедев Игорь Олегович')"
                    + " and duty = 'RESPONSIBLE_ORGANIZER'")
            .map(r -> r.get("n", Long.class))
            .one()
            .block();
    assertThat(appointed).as("the responsible organizers region64 uploaded").isEqualTo(2);

    // The regional system region64 registered in «Внешние системы» (issue 23, "Client
    // administration"): allowed the change feed only, its secret rotated, then revoked, audited.
    Long revoked =
        db.sql(
                "select count(*) as n from api_client where name like 'МИАС (e2e %'"
                    + " and created_by = 'region64' and operations = array['changes']"
                    + " and secret_rotated_at is not null and disabled and revoked_by = 'region64'")
            .map(r -> r.get("n", Long.class))
            .one()
            .block();
    assertThat(revoked).as("region64's system, restricted, rotated and revoked").isPositive();
  }
}
