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
 * what the server kept: the account, created by region64, its phone normalized.
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
  }
}
