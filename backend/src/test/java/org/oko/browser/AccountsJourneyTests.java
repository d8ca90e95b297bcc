package org.oko.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Delegated account management in a real Chromium ({@code frontend/e2e/accounts.mjs}, issue 19;
 * seed 003_c72cd2feee1a719e.txt 2–3: municipal coordinators are appointed by the region): region64
 * creates a municipal coordinator, who signs in with the password shown once. The test then reads
 * what the server kept: the account, created by region64, its phone normalized; and the hand-out of
 * a municipality's logins region64 then made at 360 px (downloaded once, passed on).
 */
class AccountsJourneyTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void aRegionCreatesAMunicipalCoordinatorWhoSignsIn() throws Exception {
    NodeJourney.run("accounts", baseUrl());

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
  }
}
