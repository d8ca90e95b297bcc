package org.oko.results;

/** The levels of the hierarchy a report can be about. */
enum Level {
  COUNTRY,
  REGION,
  MUNICIPALITY,
  ORGANIZATION
}
