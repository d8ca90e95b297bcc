package org.oko.scans;

import org.oko.orgs.ScopeCondition;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;

/**
 * Whose scans a caller sees ({@link ScanAccess}): its part of the hierarchy, and a scanning centre
 * its whole region. As SQL through orgs' one scope rule, on rows that carry {@code region_code} and
 * {@code organization_id}, joined to their organization as {@code o}.
 */
record ScanScope(Visibility visibility) {

  static ScanScope of(Caller caller) {
    ScanAccess.requireReader(caller);
    return new ScanScope(Visibility.directoryOf(caller));
  }

  /** The condition on a table aliased {@code alias}, whose region and organization it reads. */
  ScopeCondition on(String alias) {
    return visibility.condition(ScopeCondition.Columns.ofRowsIn(alias));
  }
}
