package org.oko.forum;

import org.oko.platform.security.Caller;
import org.oko.platform.security.Role;

/**
 * Someone who reads a forum: an organizer of its campaign (or a coordinator, in the general forum).
 *
 * @param college an organization's account that is a college's responsible organizer (СПО)
 */
record Reader(String login, Role role, String regionCode, boolean college) {

  static Reader of(Caller caller, boolean college) {
    return new Reader(caller.login(), caller.role(), caller.regionCode(), college);
  }

  boolean federal() {
    return role == Role.FEDERAL;
  }

  boolean regional() {
    return role == Role.REGIONAL;
  }

  /** The region whose threads this reader sees; none for the federal organizer. */
  String threadRegion() {
    return regionCode == null ? "--" : regionCode;
  }
}
