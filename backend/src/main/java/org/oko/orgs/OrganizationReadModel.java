package org.oko.orgs;

import io.r2dbc.spi.Readable;

/**
 * The hierarchy as other features' lists join it (docs/architecture.md, "The hierarchy is orgs'
 * read model"): a row's organization, selected with {@link #COLUMNS} from {@code organization o}
 * and {@code municipality m} (left-joined on {@code o.municipality_id}), read back with {@link
 * #ref}.
 */
public final class OrganizationReadModel {

  /** The organization's columns of a list's select; {@code o} and {@code m} joined. */
  public static final String COLUMNS =
      "o.id as org_id, o.login, o.name, o.region_code, o.municipality_id, m.name as municipality";

  private OrganizationReadModel() {}

  /** The organization of a row selected with {@link #COLUMNS}. */
  public static OrganizationRef ref(Readable r) {
    return new OrganizationRef(
        r.get("org_id", Long.class),
        r.get("login", String.class),
        r.get("name", String.class),
        r.get("region_code", String.class),
        r.get("municipality_id", Long.class),
        r.get("municipality", String.class));
  }
}
