package org.oko.platform.security;

/** What a caller is; with the caller's scope it decides what the caller may see and do. */
public enum Role {
  FEDERAL,
  REGIONAL,
  MUNICIPAL,
  /** Coordinates the organizations of a region that belong to no municipality. */
  RESPONSIBLE,
  ORGANIZATION,
  SCANNER,
  EXPERT,
  OBSERVER,
  PARTICIPANT,
  /** A third-party regional system signed in with client credentials. */
  API_CLIENT
}
