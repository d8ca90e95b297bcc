package org.oko.publications;

import java.time.Instant;
import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;

/**
 * The caller as the publication predicates of {@link AudienceRule} see it, at one instant of the
 * application's clock: the binds of {@code :role}, {@code :region}, {@code :org} and {@code :now}
 * ({@code :login}, for read marks, is bound where a query uses it).
 */
record Reader(Role role, String regionCode, Long organizationId, String login, Instant now) {

  static Reader of(Caller caller, Instant now) {
    return new Reader(
        caller.role(), caller.regionCode(), caller.organizationId(), caller.login(), now);
  }

  boolean isOrganization() {
    return role == Role.ORGANIZATION;
  }

  GenericExecuteSpec bind(GenericExecuteSpec spec) {
    return spec.bind("role", role.name())
        .bind("region", Parameter.fromOrEmpty(regionCode, String.class))
        .bind("org", Parameter.fromOrEmpty(organizationId, Long.class))
        .bind("now", now);
  }
}
